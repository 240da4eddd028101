-- Cas de test de la clause « critere-insertion » : critère d'attribution
-- « performance en matière d'insertion professionnelle des publics en
-- difficulté » (CCP L2152-7, R2152-7 2° a).
--
--   recommandee  secteur de main-d'œuvre (part ≥ 50 %) où la clause d'insertion
--                est obligatoire ou proposée (au moins 150 heures) ;
--   possible     critère seul (lot trop petit pour une clause), part de
--                main-d'œuvre faible ou inconnue ;
--   exclue       pas de lien avec l'insertion (fournitures courantes,
--                prestations intellectuelles), ou consultation sous le montant
--                minimal de la politique d'achat (100 000 € en travaux,
--                60 000 € en fournitures et services depuis le 1er avril 2026).
-- Jamais obligatoire. Le critère ne porte pas d'heures.

case {
  name = "Critère : travaux de bâtiment avec une clause de 833 heures, recommandé",
  lot = {
    reference = "C1", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "recommandee", hours = false,
      reason = "départageant les offres sur la qualité de l'accompagnement",
    },
  },
}

case {
  name = "Critère : sous-critères et pondération proposés",
  lot = {
    reference = "C2", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "recommandee", reason = "tutorat, avec un référent nommé",
      values = {
        poids_min = 0.05, poids_max = 0.15, poids_suggere = 0.10,
        part_main_oeuvre = 0.5, heures_clause = 833, avec_clause = true,
      },
    },
  },
}

case {
  name = "Critère : pas de notation de la politique RSE générale (décision à vérifier)",
  lot = {
    reference = "C3", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "recommandee", reason = "Nantes Métropole" },
  },
}

case {
  name = "Critère : 180 000 € de travaux, 150 heures, la clause est proposée : recommandé",
  lot = {
    reference = "C4", objet = "Peinture", nature = "travaux", cpv = "45210000",
    montant_ht = 180000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "recommandee" },
  },
}

case {
  name = "Critère : 100 000 € de travaux, 83 heures, trop peu pour une clause : critère seul",
  lot = {
    reference = "C5", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "possible", hours = false, reason = "un critère d'insertion seul",
      values = { heures_clause = 83, avec_clause = false, poids_suggere = 0.05 },
    },
  },
}

case {
  name = "Critère : le même lot dans une consultation au-delà du seuil européen, clause obligatoire",
  lot = {
    reference = "C6", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 100000, total_consultation_ht = 6000000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "recommandee", reason = "est obligatoire (article L2112-2-1)" },
  },
}

case {
  name = "Critère : même consultation lancée le 20 août 2026, avant l'obligation",
  lot = {
    reference = "C7", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 100000, total_consultation_ht = 6000000, date_lancement = "2026-08-20",
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Critère : marché de défense, la clause n'est pas obligatoire (L2312-1-1)",
  lot = {
    reference = "C8", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 100000, total_consultation_ht = 6000000, date_lancement = "2027-03-01",
    type_acheteur = "etat", marche_defense = true,
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Critère : gros œuvre, part de main-d'œuvre de 40 %, possible",
  lot = {
    reference = "C9", objet = "Gros œuvre", nature = "travaux", cpv = "45223220",
    montant_ht = 2000000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible", reason = "est inférieure au niveau de" },
  },
}

case {
  name = "Critère : transport de personnes, part de main-d'œuvre inconnue, possible",
  lot = {
    reference = "C10", objet = "Transport scolaire adapté", nature = "services", cpv = "60130000",
    montant_ht = 500000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "possible",
      reason = "exécuté au moins en partie par des personnes en insertion",
    },
  },
}

case {
  name = "Critère : la part de main-d'œuvre donnée par l'acheteur en fait un secteur de main-d'œuvre",
  lot = {
    reference = "C11", objet = "Transport scolaire adapté", nature = "services", cpv = "60130000",
    montant_ht = 500000, date_lancement = "2027-03-01", part_main_oeuvre = 0.6,
  },
  expect = {
    ["critere-insertion"] = { verdict = "recommandee" },
  },
}

case {
  name = "Critère : ordinateurs, pas de lien avec l'insertion",
  lot = {
    reference = "C12", objet = "Ordinateurs portables", nature = "fournitures", cpv = "30213000",
    montant_ht = 1200000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "exclue", hours = false,
      reason = "pas de lien suffisant avec l'objet du marché",
    },
  },
}

case {
  name = "Critère : maîtrise d'œuvre, prestation intellectuelle, pas de lien",
  lot = {
    reference = "C13", objet = "Maîtrise d'œuvre", nature = "services", cpv = "71240000",
    montant_ht = 640000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "exclue", reason = "prestations intellectuelles ou informatiques" },
  },
}

case {
  name = "Critère : fourniture de mobilier sans part de main-d'œuvre connue",
  lot = {
    reference = "C14", objet = "Mobilier", nature = "fournitures", cpv = "39100000",
    montant_ht = 300000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "exclue", reason = "la livraison de produits" },
  },
}

case {
  name = "Critère : fourniture et montage de mobilier, part de main-d'œuvre donnée",
  lot = {
    reference = "C15", objet = "Mobilier fourni et monté", nature = "fournitures", cpv = "39100000",
    montant_ht = 300000, date_lancement = "2027-03-01", part_main_oeuvre = 0.3,
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Critère : consultation de travaux juste sous le minimum de 100 000 €",
  lot = {
    reference = "C16", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 99999.99, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "exclue",
      reason = "retenu par les valeurs par défaut des règles pour les travaux",
    },
  },
}

case {
  name = "Critère : le minimum s'apprécie sur la consultation, pas sur le lot",
  lot = {
    reference = "C17", objet = "Petits travaux", nature = "travaux", cpv = "45210000",
    montant_ht = 99999.99, total_consultation_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Critère : nettoyage à 60 000 €, au minimum des services (critère seul : 120 heures)",
  lot = {
    reference = "C18", objet = "Nettoyage", nature = "services", cpv = "90919200",
    montant_ht = 60000, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Critère : nettoyage à 59 999 €, sous le minimum des services",
  lot = {
    reference = "C19", objet = "Nettoyage", nature = "services", cpv = "90919200",
    montant_ht = 59999, date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = { verdict = "exclue" },
  },
}

case {
  name = "Critère : lancé le 20 août 2026, pas encore de critère environnemental obligatoire",
  lot = {
    reference = "E1", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2026-08-20",
  },
  expect = {
    ["critere-insertion"] = { verdict = "recommandee", reason = "tutorat" },
  },
}

case {
  name = "Critère : lancé le 21 août 2026, rappel du critère environnemental obligatoire",
  lot = {
    reference = "E2", objet = "Réhabilitation du gymnase", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2026-08-21",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "recommandee", reason = "prenant en compte les caractéristiques environnementales des offres",
    },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "Critère : secteur de main-d'œuvre avec une clause, les motifs et la pondération",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "recommandee", hours = false, warning = false,
      values = {
        part_main_oeuvre = 0.5, heures_clause = 833, avec_clause = true, poids_min = 0.05, poids_max = 0.15,
        poids_suggere = 0.10,
      },
      reason = {
        "Secteur de main-d'œuvre (part de 50 %, au moins égale au niveau de 50 % retenu par les valeurs par défaut des règles) où une clause d'insertion de 833 heures est proposée",
        "départageant les offres sur la qualité de l'accompagnement des personnes",
        "Pondération proposée : 10 % de la note, dans une fourchette de 5 % à 15 % (borne haute : CE, 25 mars 2013, Département de l'Isère, n° 364950",
        "Sous-critères à annoncer dans le règlement de la consultation",
        "tutorat, avec un référent nommé",
        "heures d'insertion proposées au-delà du minimum",
        "non la politique sociale générale de l'entreprise (RSE)",
        "CE, 25 mai 2018, Nantes Métropole, n° 417580)",
        "au moins un critère d'attribution prenant en compte les caractéristiques environnementales",
      },
    },
  },
}

case {
  name = "Critère : 100 000 € de travaux, 83 heures, le critère seul",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 100000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "possible", values = { avec_clause = false, heures_clause = 83, poids_suggere = 0.05 },
      reason = "un critère d'insertion seul peut valoriser l'effort des candidats",
    },
  },
}

case {
  name = "Critère : le même lot d'une consultation où la clause est obligatoire",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 100000, total_consultation_ht = 6000000,
    date_lancement = "2027-03-01",
  },
  expect = {
    ["critere-insertion"] = {
      verdict = "recommandee", values = { avec_clause = true },
      reason = "où la clause d'insertion est obligatoire (article L2112-2-1)",
    },
  },
}

case {
  name = "Critère : gros œuvre à 40 % de main-d'œuvre, le motif de la part",
  lot = { nature = "travaux", cpv = "45223220", montant_ht = 2000000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "possible", values = { part_main_oeuvre = 0.4, poids_suggere = 0.05 },
      reason = "La part de main-d'œuvre (40 %) est inférieure au niveau de 50 %",
    },
  },
}

case {
  name = "Critère : transport de personnes, part inconnue, les motifs",
  lot = { nature = "services", cpv = "60130000", montant_ht = 500000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "possible",
      reason = {
        "Aucune part de main-d'œuvre n'est connue pour le code CPV 60130000",
        "exécuté au moins en partie par des personnes en insertion",
        "au moins un critère d'attribution prenant en compte les caractéristiques environnementales",
      },
    },
  },
}

case {
  name = "Critère : ordinateurs, la famille sans lien avec l'insertion",
  lot = { nature = "fournitures", cpv = "30213000", montant_ht = 1200000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "exclue",
      reason = {
        "Le code CPV 30213000 relève d'une famille (fournitures courantes, prestations intellectuelles ou informatiques)",
        "n'aurait pas de lien suffisant avec l'objet du marché",
      },
    },
  },
}

case {
  name = "Critère : services d'études (79411000), exclu",
  lot = { nature = "services", cpv = "79411000", montant_ht = 640000, date_lancement = "2027-03-01" },
  expect = { ["critere-insertion"] = { verdict = "exclue" } },
}

case {
  name = "Critère : mobilier livré, le motif de la livraison",
  lot = { nature = "fournitures", cpv = "39100000", montant_ht = 300000, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "exclue", reason = "la livraison de produits ne se prête pas à un critère d'insertion",
    },
  },
}

case {
  name = "Critère : consultation de 99 999,99 €, le motif du minimum local",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 99999.99, date_lancement = "2027-03-01" },
  expect = {
    ["critere-insertion"] = {
      verdict = "exclue",
      reason = "Le montant de la consultation (99 999,99 €) est inférieur au minimum de 100 000 € retenu par les valeurs par défaut des règles pour les travaux",
    },
  },
}

case {
  name = "Critère : lancé le 21 août 2026, le rappel du critère environnemental, sans avertissement",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2026-08-21" },
  expect = {
    ["critere-insertion"] = {
      warning = false,
      reason = {
        "Depuis le 21 août 2026, l'article R2152-7 du code de la commande publique impose au moins un critère d'attribution",
        "le critère d'insertion ne le remplace pas, prévoyez les deux",
      },
    },
  },
}
