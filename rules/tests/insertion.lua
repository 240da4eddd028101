-- Cas de test de la clause d'insertion (plugins/insertion.lua) sur les règles livrées.
--
-- Chaque appel case{} est un cas. Le texte attendu d'un motif (reason) est un extrait d'un des
-- motifs produits ; il évite les montants, les pourcentages et les deux-points, que la typographie
-- française écrit avec des espaces insécables.

-- Exemple publié par les facilitateurs : 1 000 000 € × 50 % × 5 % ÷ 30 €/h = 833,33 → 833 heures.
case {
  name = "Exemple publié : 1 000 000 € de travaux de bâtiment, 833 heures",
  lot = {
    reference = "I01", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, total_consultation_ht = 1000000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 833, reason = "la clause est recommandée selon les valeurs par défaut des règles" },
  },
}

-- Seuil européen des travaux (5 404 000 € en 2026-2027) : un montant égal au seuil l'atteint.
case {
  name = "Travaux exactement au seuil européen : obligatoire",
  lot = {
    reference = "I02", objet = "Construction d'un collège", nature = "travaux", cpv = "45210000",
    montant_ht = 5404000, total_consultation_ht = 5404000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = 4503, reason = "atteint le seuil européen" },
  },
}

case {
  name = "Travaux un euro sous le seuil européen : au choix de l'acheteur",
  lot = {
    reference = "I03", objet = "Construction d'un collège", nature = "travaux", cpv = "45210000",
    montant_ht = 5403999, total_consultation_ht = 5403999, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 4503, reason = "est inférieur au seuil européen" },
  },
}

-- Entrée en vigueur de l'obligation (L2112-2-1) : consultations lancées à partir du 21 août 2026.
case {
  name = "Lancement le 20 août 2026 : obligation pas encore en vigueur",
  lot = {
    reference = "I04", objet = "Construction d'un gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 6000000, total_consultation_ht = 6000000, duree_mois = 18,
    date_lancement = "2026-08-20", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 5000, reason = "n'est pas en vigueur" },
  },
}

case {
  name = "Lancement le 21 août 2026 : obligatoire",
  lot = {
    reference = "I05", objet = "Construction d'un gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 6000000, total_consultation_ht = 6000000, duree_mois = 18,
    date_lancement = "2026-08-21", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = 5000, reason = "consigner les motifs de sa décision" },
  },
}

case {
  name = "Règles au 20 août 2026 pour un lancement le 21 août 2026 (as_of)",
  as_of = "2026-08-20",
  lot = {
    reference = "I06", objet = "Construction d'un gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 6000000, total_consultation_ht = 6000000, duree_mois = 18,
    date_lancement = "2026-08-21", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", reason = "n'est pas en vigueur" },
  },
}

-- Les seuils se comparent au total de la consultation ; les heures se calculent sur le lot.
case {
  name = "Lot de 1 000 000 € dans une consultation de 6 000 000 € : obligatoire, heures du lot",
  lot = {
    reference = "I07-L3", consultation = "I07", objet = "Collège – maçonnerie", nature = "travaux",
    cpv = "45262500", montant_ht = 1000000, total_consultation_ht = 6000000, duree_mois = 18,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = 833, reason = "Le montant total de la consultation" },
  },
}

case {
  name = "Petit lot de 50 000 € d'une consultation de 300 000 € : sous le minimum local",
  lot = {
    reference = "I08-L2", consultation = "I08", objet = "Préau – peinture", nature = "travaux",
    cpv = "45442100", montant_ht = 50000, total_consultation_ht = 300000, duree_mois = 3,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "exclue", hours = 58, reason = "retenu par les valeurs par défaut des règles pour les travaux" },
  },
}

-- Seuils européens des fournitures et services selon l'acheteur (2026-2027) : État 140 000 €,
-- collectivités 216 000 €, entités adjudicatrices 432 000 €, défense 432 000 €.
case {
  name = "État : fournitures exactement au seuil de 140 000 €",
  lot = {
    reference = "I09", objet = "Postes de travail", nature = "fournitures", cpv = "30213000",
    montant_ht = 140000, total_consultation_ht = 140000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "etat", lieu = "75", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = false, reason = "fournitures et services des autorités publiques centrales" },
  },
}

case {
  name = "État : fournitures un euro sous le seuil",
  lot = {
    reference = "I10", objet = "Postes de travail", nature = "fournitures", cpv = "30213000",
    montant_ht = 139999, total_consultation_ht = 139999, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "etat", lieu = "75", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", hours = false, reason = "Aucune part de main-d'œuvre n'est connue" },
  },
}

case {
  name = "Collectivité : fournitures exactement au seuil de 216 000 €",
  lot = {
    reference = "I11", objet = "Postes de travail", nature = "fournitures", cpv = "30213000",
    montant_ht = 216000, total_consultation_ht = 216000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = false, reason = "pouvoirs adjudicateurs autres que les autorités publiques centrales" },
  },
}

case {
  name = "Collectivité : fournitures un euro sous le seuil",
  lot = {
    reference = "I12", objet = "Postes de travail", nature = "fournitures", cpv = "30213000",
    montant_ht = 215999, total_consultation_ht = 215999, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", hours = false, reason = "est inférieur au seuil européen" },
  },
}

case {
  name = "Entité adjudicatrice : services exactement au seuil de 432 000 €",
  lot = {
    reference = "I13", objet = "Nettoyage des stations de pompage", nature = "services", cpv = "90911200",
    montant_ht = 432000, total_consultation_ht = 432000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "entite-adjudicatrice", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = 864, reason = "des entités adjudicatrices" },
  },
}

case {
  name = "Entité adjudicatrice : services un euro sous le seuil",
  lot = {
    reference = "I14", objet = "Nettoyage des stations de pompage", nature = "services", cpv = "90911200",
    montant_ht = 431999, total_consultation_ht = 431999, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "entite-adjudicatrice", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 863, reason = "est inférieur au seuil européen" },
  },
}

-- Marchés de défense ou de sécurité : la prise en compte de considérations sociales reste facultative.
case {
  name = "Défense : fournitures au seuil de 432 000 €, jamais obligatoire",
  lot = {
    reference = "I15", objet = "Équipements de casernement", nature = "fournitures", cpv = "39100000",
    montant_ht = 432000, total_consultation_ht = 432000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true, lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", hours = false, reason = "L2312-1-1" },
  },
}

case {
  name = "Défense : travaux au-dessus du seuil européen, recommandée et non obligatoire",
  lot = {
    reference = "I16", objet = "Réhabilitation d'un bâtiment de caserne", nature = "travaux", cpv = "45210000",
    montant_ht = 6000000, total_consultation_ht = 6000000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true, lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 5000, reason = "la clause n'est donc pas obligatoire" },
  },
}

-- Services sociaux et autres services spécifiques : seuil propre (750 000 €).
case {
  name = "Services sociaux au-dessus de leur seuil : obligatoire, heures à fixer",
  lot = {
    reference = "I17", objet = "Hébergement de jeunes majeurs", nature = "services", cpv = "85311000",
    montant_ht = 800000, total_consultation_ht = 800000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = false, reason = "services sociaux et autres services spécifiques" },
  },
}

case {
  name = "Services sociaux sous leur seuil (mais au-dessus du seuil des autres services)",
  lot = {
    reference = "I18", objet = "Hébergement de jeunes majeurs", nature = "services", cpv = "85311000",
    montant_ht = 700000, total_consultation_ht = 700000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", hours = false, reason = "est inférieur au seuil européen" },
  },
}

-- Changement des seuils européens au 1er janvier 2026 : travaux 5 538 000 € → 5 404 000 €.
case {
  name = "Travaux de 5 500 000 € lancés le 31 décembre 2025 : sous le seuil 2024-2025",
  lot = {
    reference = "I19", objet = "Construction d'un centre technique", nature = "travaux", cpv = "45210000",
    montant_ht = 5500000, total_consultation_ht = 5500000, duree_mois = 24,
    date_lancement = "2025-12-31", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 4583, reason = "est inférieur au seuil européen" },
  },
}

case {
  name = "Travaux de 5 500 000 € lancés le 1er janvier 2026 : au-dessus du seuil 2026-2027",
  lot = {
    reference = "I20", objet = "Construction d'un centre technique", nature = "travaux", cpv = "45210000",
    montant_ht = 5500000, total_consultation_ht = 5500000, duree_mois = 24,
    date_lancement = "2026-01-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    -- Au-dessus du seuil, mais avant le 21 août 2026 : la clause reste au choix de l'acheteur.
    insertion = { verdict = "recommandee", hours = 4583, reason = "dépasse le seuil européen" },
  },
}

case {
  name = "Fournitures de 218 000 € (collectivité) le 31 décembre 2025 : sous le seuil de 221 000 €",
  lot = {
    reference = "I21", objet = "Mobilier scolaire", nature = "fournitures", cpv = "39160000",
    montant_ht = 218000, total_consultation_ht = 218000, duree_mois = 12,
    date_lancement = "2025-12-31", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", reason = "est inférieur au seuil européen" },
  },
}

case {
  name = "Fournitures de 218 000 € (collectivité) le 1er janvier 2026 : au-dessus du seuil de 216 000 €",
  lot = {
    reference = "I22", objet = "Mobilier scolaire", nature = "fournitures", cpv = "39160000",
    montant_ht = 218000, total_consultation_ht = 218000, duree_mois = 12,
    date_lancement = "2026-01-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", reason = "dépasse le seuil européen" },
  },
}

-- Seuils de dispense de procédure (R2122-8) : travaux 100 000 € (permanent depuis le
-- 1er janvier 2026) ; fournitures et services 40 000 €, puis 60 000 € à partir du 1er avril 2026.
case {
  name = "Travaux de 80 000 € le 31 décembre 2025 : sous le seuil de dispense temporaire",
  lot = {
    reference = "I23", objet = "Réfection d'une cour d'école", nature = "travaux", cpv = "45210000",
    montant_ht = 80000, total_consultation_ht = 80000, duree_mois = 2,
    date_lancement = "2025-12-31", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "exclue", hours = 66, reason = "sans publicité ni mise en concurrence préalables" },
  },
}

case {
  name = "Travaux de 80 000 € le 1er janvier 2026 : sous le seuil de dispense devenu permanent",
  lot = {
    reference = "I24", objet = "Réfection d'une cour d'école", nature = "travaux", cpv = "45210000",
    montant_ht = 80000, total_consultation_ht = 80000, duree_mois = 2,
    date_lancement = "2026-01-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "exclue", hours = 66, reason = "sans publicité ni mise en concurrence préalables" },
  },
}

case {
  name = "Travaux exactement au seuil de dispense (100 000 €) : trop peu d'heures",
  lot = {
    reference = "I25", objet = "Réfection d'une cour d'école", nature = "travaux", cpv = "45210000",
    montant_ht = 100000, total_consultation_ht = 100000, duree_mois = 2,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "exclue", hours = 83, reason = "Le volume calculé" },
  },
}

case {
  name = "Fournitures de 50 000 € le 31 mars 2026 : au-dessus du seuil de dispense de 40 000 €",
  lot = {
    reference = "I26", objet = "Fauteuils de bureau", nature = "fournitures", cpv = "39110000",
    montant_ht = 50000, total_consultation_ht = 50000, duree_mois = 12,
    date_lancement = "2026-03-31", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "possible", hours = false, reason = "Aucune part de main-d'œuvre n'est connue" },
  },
}

case {
  name = "Fournitures de 50 000 € le 1er avril 2026 : sous le seuil de dispense de 60 000 €",
  lot = {
    reference = "I27", objet = "Fauteuils de bureau", nature = "fournitures", cpv = "39110000",
    montant_ht = 50000, total_consultation_ht = 50000, duree_mois = 12,
    date_lancement = "2026-04-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "exclue", hours = false, reason = "sans publicité ni mise en concurrence préalables" },
  },
}

-- Valeurs propres au lot (colonnes du programme) : elles priment sur les règles.
case {
  name = "Part de main-d'œuvre, taux et coût horaire donnés pour le lot",
  lot = {
    reference = "I28", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, total_consultation_ht = 1000000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
    part_main_oeuvre = 0.3, taux_insertion = 0.1, cout_horaire = 25,
  },
  expect = {
    insertion = { verdict = "possible", hours = 1200 },
  },
}

-- Seuils européens antérieurs (programmes anciens, données DECP) : 5 382 000 € en 2022-2023,
-- 5 350 000 € en 2020-2021 ; l'obligation L2112-2-1 n'est pas encore en vigueur.
case {
  name = "Travaux lancés en 2022, exactement au seuil de 2022-2023",
  lot = {
    reference = "I30", objet = "Construction d'un collège", nature = "travaux", cpv = "45210000",
    montant_ht = 5382000, total_consultation_ht = 5382000, duree_mois = 24,
    date_lancement = "2022-06-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 4485, reason = "atteint le seuil européen" },
  },
}

case {
  name = "Travaux lancés en 2021, un euro sous le seuil de 2020-2021",
  lot = {
    reference = "I31", objet = "Construction d'un collège", nature = "travaux", cpv = "45210000",
    montant_ht = 5349999, total_consultation_ht = 5349999, duree_mois = 24,
    date_lancement = "2021-12-31", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "recommandee", hours = 4458, reason = "est inférieur au seuil européen" },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "Exemple publié : les motifs du seuil, de l'obligation et du volume, les valeurs du calcul",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "recommandee", hours = 833, warning = false,
      reason = {
        "Le montant total de la consultation (1 000 000 €) est inférieur au seuil européen de 5 404 000 € applicable aux travaux",
        "L'obligation de l'article L2112-2-1 ne s'applique donc pas",
        "la clause reste au choix de l'acheteur (article L2112-2)",
        "La part de main-d'œuvre (50 %) atteint le niveau de 50 %",
        "volume proposé 833 heures (1 000 000 € × 50 % de main-d'œuvre × 5 % d'insertion ÷ 30 €/h = 833,33 heures, arrondi à l'inférieur)",
      },
      values = {
        part_main_oeuvre = 0.5, taux_insertion = 0.05, cout_horaire = 30, seuil = 5404000,
        total_consultation = 1000000,
      },
    },
  },
}

case {
  name = "Au seuil européen : le seuil atteint, l'obligation, ses dérogations et le volume",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 5404000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "obligatoire", hours = 4503,
      reason = {
        "Le montant total de la consultation (5 404 000 €) atteint le seuil européen de 5 404 000 € applicable aux travaux",
        "Depuis le 21 août 2026, l'article L2112-2-1 du code de la commande publique impose",
        "L'acheteur ne peut y déroger que dans les cas que retiennent les règles appliquées",
        "Il doit alors consigner les motifs de sa décision",
        "Volume d'insertion proposé : 4 503 heures (",
      },
    },
  },
}

case {
  name = "Seuils sur la consultation, heures sur le lot",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, total_consultation_ht = 6000000,
    date_lancement = "2027-03-01",
  },
  expect = { insertion = { verdict = "obligatoire", hours = 833, values = { total_consultation = 6000000 } } },
}

case {
  name = "Lancement le 20 août 2026 : l'obligation n'est pas en vigueur à cette date, sans avertissement",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2026-08-20" },
  expect = {
    insertion = {
      verdict = "recommandee", warning = false,
      reason = "L'obligation de l'article L2112-2-1 du code de la commande publique n'est pas en vigueur au 20 août 2026",
    },
  },
}

case {
  name = "Lancement le 21 août 2026 : obligatoire, avec l'avertissement des sources divergentes",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2026-08-21" },
  expect = {
    insertion = {
      verdict = "obligatoire",
      warning = {
        "Les sources divergent sur la date d'entrée en vigueur de l'obligation de l'article L2112-2-1",
        "pour un lancement le 21 août 2026, vérifiez le texte applicable",
      },
    },
  },
}

case {
  name = "Lancement le 22 août 2026 : l'avertissement vaut encore",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2026-08-22" },
  expect = { insertion = { verdict = "obligatoire", warning = "Les sources divergent" } },
}

case {
  name = "Lancement le 23 août 2026 : plus d'avertissement",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2026-08-23" },
  expect = { insertion = { verdict = "obligatoire", warning = false } },
}

case {
  name = "Défense : le motif de l'article L2312-1-1",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2027-03-01",
    type_acheteur = "etat", marche_defense = true,
  },
  expect = {
    insertion = {
      verdict = "recommandee", warning = false,
      reason = "Marché de défense ou de sécurité : l'article L2312-1-1 du code de la commande publique laisse facultative la prise en compte de considérations sociales",
    },
  },
}

case {
  name = "Services sociaux au-dessus de leur seuil : le seuil dit, le volume à fixer avec le facilitateur",
  lot = { nature = "services", cpv = "85311000", montant_ht = 800000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "obligatoire", hours = false, values = { seuil = 750000 },
      reason = {
        "dépasse le seuil européen de 750 000 € applicable aux services sociaux et autres services spécifiques",
        "Le volume d'heures est à fixer avec le facilitateur : la part de main-d'œuvre du code CPV 85311000 n'est pas connue",
      },
    },
  },
}

case {
  name = "Services sociaux sous leur seuil : possible",
  lot = { nature = "services", cpv = "85311000", montant_ht = 700000, date_lancement = "2027-03-01" },
  expect = { insertion = { verdict = "possible" } },
}

case {
  name = "Nettoyage de 300 000 € : seuil des fournitures et services de la collectivité, 600 heures",
  lot = { nature = "services", cpv = "90910000", montant_ht = 300000, date_lancement = "2027-03-01" },
  expect = { insertion = { verdict = "obligatoire", hours = 600, values = { seuil = 216000 } } },
}

case {
  name = "Fournitures de l'État : seuil de 140 000 €",
  lot = {
    nature = "fournitures", cpv = "30192000", montant_ht = 150000, date_lancement = "2027-03-01",
    type_acheteur = "etat",
  },
  expect = { insertion = { verdict = "obligatoire", values = { seuil = 140000 } } },
}

case {
  name = "Fournitures d'une entité adjudicatrice : seuil de 432 000 €",
  lot = {
    nature = "fournitures", cpv = "30192000", montant_ht = 150000, date_lancement = "2027-03-01",
    type_acheteur = "entite-adjudicatrice",
  },
  expect = { insertion = { values = { seuil = 432000 } } },
}

case {
  name = "Valeurs propres au lot : 30 % de main-d'œuvre, 10 %, 25 €/h, sous le niveau de recommandation",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01",
    part_main_oeuvre = 0.3, taux_insertion = 0.1, cout_horaire = 25,
  },
  expect = {
    insertion = {
      verdict = "possible", hours = 1200,
      reason = "La part de main-d'œuvre (30 %) est inférieure au niveau de 50 % à partir duquel la clause est recommandée selon les valeurs par défaut des règles",
    },
  },
}

case {
  name = "Part de main-d'œuvre inconnue : possible, sans heures, l'acheteur peut la donner",
  lot = { nature = "services", cpv = "79000000", montant_ht = 120000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "possible", hours = false,
      reason = {
        "Aucune part de main-d'œuvre n'est connue pour le code CPV 79000000",
        "indiquez-la dans la colonne part_main_oeuvre du programme, ou fixez le volume d'heures avec le facilitateur",
      },
    },
  },
}

case {
  name = "Lot de 80 000 € : sous le minimum local, et sous le seuil de dispense",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 80000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "exclue", values = { seuil_dispense = 100000 },
      reason = {
        "Le montant du lot (80 000 €) est inférieur au minimum de 100 000 € retenu par les valeurs par défaut des règles pour les travaux",
        "une clause d'insertion n'y est pas proposée",
        "Le montant total de la consultation (80 000 €) est aussi inférieur au seuil de 100 000 € applicable à un marché de travaux, en dessous duquel l'article R2122-8 du code de la commande publique permet de passer un marché sans publicité ni mise en concurrence préalables",
        "une clause d'insertion est difficile à imposer et à suivre",
      },
    },
  },
}

case {
  name = "Lot de 150 000 € : 125 heures, sous le minimum local de 150 heures",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 150000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "exclue", hours = 125,
      reason = { "Le volume calculé, 125 heures (", "est inférieur au minimum de 150 heures retenu par les valeurs par défaut des règles" },
    },
  },
}

case {
  name = "Lot de 180 000 € : 150 heures, recommandée",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 180000, date_lancement = "2027-03-01" },
  expect = { insertion = { verdict = "recommandee", hours = 150 } },
}

case {
  name = "Fournitures de 50 000 € le 1er avril 2026 : le motif de la dispense des fournitures et services",
  lot = { nature = "fournitures", cpv = "30192000", montant_ht = 50000, date_lancement = "2026-04-01" },
  expect = {
    insertion = {
      values = { seuil_dispense = 60000 },
      reason = "applicable à un marché de fournitures ou de services, en dessous duquel l'article R2122-8",
    },
  },
}
