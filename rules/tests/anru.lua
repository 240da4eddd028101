-- Cas de test de la clause « anru » : charte nationale d'insertion de l'ANRU
-- (NPNRU), au moins 5 % des heures travaillées sur les travaux et l'ingénierie
-- nécessaire aux travaux, 10 % sur la gestion urbaine de proximité (GUP).
--
-- Heures = montant HT × part de main-d'œuvre × taux de la charte ÷ coût horaire,
-- arrondies à l'inférieur (règles livrées : bâtiment 50 %, 30 €/h ; nettoyage
-- 80 %, 20 €/h ; espaces verts 55 %, 30 €/h).
--
-- Le passage du 31 décembre 2024 au 1er janvier 2025 ne change ni le verdict ni
-- les heures : seul le statut du taux (« a-verifier ») change, avec un
-- avertissement (cas ci-dessous, avec un lancement avant l'adoption de la charte).

case {
  name = "ANRU : lancé le 31 décembre 2024, taux de la charte sans avertissement",
  lot = { nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2024-12-31", anru = true },
  expect = { anru = { verdict = "obligatoire", hours = 833, warning = false } },
}

case {
  name = "ANRU : lancé le 1er janvier 2025, même taux, à vérifier faute de prorogation connue",
  lot = { nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2025-01-01", anru = true },
  expect = {
    anru = { verdict = "obligatoire", hours = 833, warning = "Aucune prorogation de la charte nationale" },
  },
}

case {
  name = "ANRU : un taux propre au lot plus bas que la charte n'est pas retenu",
  lot = {
    nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    taux_insertion = 0.02,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 833,
      warning = { "est inférieur au minimum de la charte de l'ANRU (5 %)", "Aucune prorogation" },
    },
  },
}

case {
  name = "ANRU : réhabilitation en quartier prioritaire, 5 % des heures",
  lot = {
    reference = "T1", objet = "Réhabilitation, maçonnerie", nature = "travaux", cpv = "45262500",
    montant_ht = 1000000, total_consultation_ht = 1000000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = true,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 833, reason = "des heures travaillées sur les travaux" },
    ["critere-insertion"] = { verdict = "recommandee", hours = false },
    ["marche-insertion"] = { verdict = "exclue", hours = false },
  },
}

case {
  name = "ANRU : les heures de la charte ne s'ajoutent pas à celles de la clause d'insertion",
  lot = {
    reference = "T2", objet = "Isolation thermique par l'extérieur", nature = "travaux", cpv = "45321000",
    montant_ht = 1150000, date_lancement = "2027-04-12", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 958,
      reason = "elles ne s'ajoutent pas aux heures de cette clause",
    },
  },
}

case {
  name = "ANRU : colonne « Opération ANRU » à « non »",
  lot = {
    reference = "T3", objet = "Réhabilitation hors quartier", nature = "travaux", cpv = "45262500",
    montant_ht = 1000000, date_lancement = "2027-03-01", anru = false,
  },
  expect = {
    anru = { verdict = "exclue", hours = false, reason = "n'est pas financée par l'ANRU" },
  },
}

case {
  name = "ANRU : colonne vide, l'acheteur doit la renseigner",
  lot = {
    reference = "T4", objet = "Réhabilitation", nature = "travaux", cpv = "45262500",
    montant_ht = 1000000, date_lancement = "2027-03-01",
  },
  expect = {
    anru = { verdict = "exclue", hours = false, reason = "n'est pas renseignée pour ce lot" },
  },
}

case {
  name = "ANRU : nettoyage des parties communes, gestion urbaine de proximité, 10 %",
  lot = {
    reference = "G1", objet = "Nettoyage des parties communes", nature = "services", cpv = "90919200",
    montant_ht = 300000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    -- 300 000 × 80 % × 10 % ÷ 20 €/h = 1 200 heures
    anru = {
      verdict = "obligatoire", hours = 1200, reason = "marchés de gestion urbaine de proximité",
      values = { domaine = "gup", taux_anru = 0.10, part_main_oeuvre = 0.80, cout_horaire = 20 },
    },
  },
}

case {
  name = "ANRU : entretien des espaces verts du quartier, gestion urbaine de proximité",
  lot = {
    reference = "G2", objet = "Entretien des espaces verts", nature = "services", cpv = "77310000",
    montant_ht = 180000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    -- 180 000 × 55 % × 10 % ÷ 30 €/h = 330 heures
    anru = { verdict = "obligatoire", hours = 330 },
  },
}

case {
  name = "ANRU : même code CPV que la GUP, mais marché de travaux : taux des travaux",
  lot = {
    reference = "G3", objet = "Travaux de peinture des halls", nature = "travaux", cpv = "45442100",
    montant_ht = 240000, date_lancement = "2027-04-12", anru = true,
  },
  expect = {
    -- 240 000 × 70 % × 5 % ÷ 30 €/h = 280 heures
    anru = { verdict = "obligatoire", hours = 280, reason = "sur les travaux" },
  },
}

case {
  name = "ANRU : maîtrise d'œuvre, ingénierie nécessaire aux travaux, part de main-d'œuvre inconnue",
  lot = {
    reference = "I1", objet = "Maîtrise d'œuvre de la réhabilitation", nature = "services", cpv = "71240000",
    montant_ht = 640000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = false, reason = "aucune part de main-d'œuvre n'est connue",
      values = { domaine = "ingenierie", taux_anru = 0.05 },
    },
  },
}

case {
  name = "ANRU : maîtrise d'œuvre avec une part de main-d'œuvre donnée par l'acheteur",
  lot = {
    reference = "I2", objet = "Maîtrise d'œuvre de la réhabilitation", nature = "services", cpv = "71240000",
    montant_ht = 600000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.6, cout_horaire = 45,
  },
  expect = {
    -- 600 000 × 60 % × 5 % ÷ 45 €/h = 400 heures
    anru = { verdict = "obligatoire", hours = 400, reason = "l'ingénierie nécessaire aux travaux" },
  },
}

case {
  name = "ANRU : autre service, la charte ne fixe pas de part d'heures",
  lot = {
    reference = "S1", objet = "Impression de la lettre du quartier", nature = "services", cpv = "79810000",
    montant_ht = 100000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = { verdict = "possible", hours = false, reason = "ne fixe pas de part d'heures pour ce marché" },
  },
}

case {
  name = "ANRU : fournitures, hors de la charte",
  lot = {
    reference = "F1", objet = "Mobilier de la maison de quartier", nature = "fournitures", cpv = "39100000",
    montant_ht = 100000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = { verdict = "exclue", hours = false, reason = "un marché de fournitures n'y est pas soumis" },
  },
}

case {
  name = "ANRU : dernier jour de la charte 2014-2024 (taux vérifié)",
  lot = {
    reference = "D1", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2024-12-31", anru = true,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 833 },
  },
}

case {
  name = "ANRU : premier jour après la charte (taux maintenu, à vérifier)",
  lot = {
    reference = "D2", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2025-01-01", anru = true,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 833 },
  },
}

case {
  name = "ANRU : GUP, premier jour après la charte",
  lot = {
    reference = "D3", objet = "Nettoyage des parties communes", nature = "services", cpv = "90919200",
    montant_ht = 300000, date_lancement = "2025-01-01", anru = true,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 1200 },
  },
}

case {
  name = "ANRU : règles en vigueur à une autre date que le lancement (as_of)",
  as_of = "2027-03-01",
  lot = {
    reference = "D5", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2024-06-01", anru = true,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 833 },
  },
}

case {
  name = "ANRU : part de main-d'œuvre et coût horaire propres au lot",
  lot = {
    reference = "O1", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25,
  },
  expect = {
    -- 1 000 000 × 30 % × 5 % ÷ 25 €/h = 600 heures
    anru = { verdict = "obligatoire", hours = 600 },
  },
}

case {
  name = "ANRU : le taux propre au lot peut dépasser le minimum de la charte",
  lot = {
    reference = "O2", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25, taux_insertion = 0.1,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 1200, reason = "dépasse le minimum de la charte",
      values = { taux_anru = 0.1 },
    },
  },
}

case {
  name = "ANRU : un taux propre au lot plus bas que la charte n'est pas retenu",
  lot = {
    reference = "O3", objet = "Réhabilitation", nature = "travaux", cpv = "45210000",
    montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25, taux_insertion = 0.02,
  },
  expect = {
    anru = { verdict = "obligatoire", hours = 600, values = { taux_anru = 0.05 } },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "ANRU : travaux, les motifs de la charte et du volume, les valeurs du calcul",
  lot = {
    nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 833,
      values = { taux_anru = 0.05, part_main_oeuvre = 0.5, cout_horaire = 30, domaine = "travaux" },
      reason = {
        "Marché de travaux d'une opération financée par l'ANRU : la charte nationale d'insertion réserve aux habitants des quartiers prioritaires éloignés de l'emploi au moins 5 % des heures travaillées sur les travaux",
        "Volume d'insertion exigé : 833 heures (1 000 000 € × 50 % de main-d'œuvre × 5 % d'insertion ÷ 30 €/h = 833,33 heures, arrondi à l'inférieur)",
        "elles ne s'ajoutent pas aux heures de cette clause",
      },
    },
  },
}

case {
  name = "ANRU : nettoyage, gestion urbaine de proximité, le motif des 10 %",
  lot = {
    nature = "services", cpv = "90919200", montant_ht = 300000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 1200, values = { domaine = "gup", taux_anru = 0.10 },
      reason = "au moins 10 % des heures travaillées sur les marchés de gestion urbaine",
    },
  },
}

case {
  name = "ANRU : espaces verts, gestion urbaine de proximité, 330 heures",
  lot = {
    nature = "services", cpv = "77310000", montant_ht = 180000, date_lancement = "2027-03-01", anru = true,
  },
  expect = { anru = { hours = 330 } },
}

case {
  name = "ANRU : ingénierie, le taux des travaux, sans heures faute de part connue",
  lot = {
    nature = "services", cpv = "71240000", montant_ht = 640000, date_lancement = "2027-03-01", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = false, values = { domaine = "ingenierie", taux_anru = 0.05 },
      reason = "aucune part de main-d'œuvre n'est connue pour le code CPV 71240000",
    },
  },
}

case {
  name = "ANRU : impression, la charte ne fixe pas de part d'heures",
  lot = {
    nature = "services", cpv = "79810000", montant_ht = 100000, date_lancement = "2027-03-01", anru = true,
  },
  expect = { anru = { verdict = "possible", reason = "ne fixe pas de part d'heures pour ce marché" } },
}

case {
  name = "ANRU : mobilier, un marché de fournitures n'y est pas soumis",
  lot = {
    nature = "fournitures", cpv = "39100000", montant_ht = 100000, date_lancement = "2027-03-01", anru = true,
  },
  expect = { anru = { verdict = "exclue", reason = "un marché de fournitures n'y est pas soumis" } },
}

case {
  name = "ANRU : opération non financée par l'ANRU, le motif",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01", anru = false,
  },
  expect = {
    anru = { verdict = "exclue", hours = false, reason = "L'opération n'est pas financée par l'ANRU" },
  },
}

case {
  name = "ANRU : colonne vide, les motifs",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01" },
  expect = {
    anru = {
      verdict = "exclue",
      reason = { "La colonne « Opération ANRU » n'est pas renseignée pour ce lot", "indiquez « oui »" },
    },
  },
}

case {
  name = "ANRU : premier jour après la charte, l'avertissement de la prorogation",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2025-01-01", anru = true,
  },
  expect = {
    anru = {
      verdict = "obligatoire", hours = 833,
      warning = {
        "Aucune prorogation de la charte nationale d'insertion de l'ANRU au-delà de son programme n'a été trouvée",
        "le taux de 5 %, en vigueur dans les règles depuis le 1er janvier 2025, est maintenu par prudence",
      },
    },
  },
}

case {
  name = "ANRU : GUP le premier jour après la charte, un avertissement",
  lot = {
    nature = "services", cpv = "90919200", montant_ht = 300000, date_lancement = "2025-01-01", anru = true,
  },
  expect = { anru = { warning = "Aucune prorogation de la charte" } },
}

case {
  name = "ANRU : avant la charte, aucun taux en vigueur",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2015-03-23", anru = true,
  },
  expect = {
    anru = {
      verdict = "possible", reason = "Aucun taux de la charte nationale d'insertion de l'ANRU n'est en vigueur",
    },
  },
}

case {
  name = "ANRU : part et coût propres au lot, 600 heures",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25,
  },
  expect = { anru = { hours = 600 } },
}

case {
  name = "ANRU : taux propre au lot au-dessus de la charte, le motif",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25, taux_insertion = 0.1,
  },
  expect = {
    anru = {
      hours = 1200, values = { taux_anru = 0.1 },
      reason = "Le taux d'insertion donné pour ce lot (10 %) dépasse le minimum de la charte (5 %)",
    },
  },
}

case {
  name = "ANRU : taux propre au lot sous la charte, l'avertissement",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, date_lancement = "2027-03-01", anru = true,
    part_main_oeuvre = 0.3, cout_horaire = 25, taux_insertion = 0.02,
  },
  expect = { anru = { hours = 600, warning = "est inférieur au minimum de la charte de l'ANRU (5 %)" } },
}
