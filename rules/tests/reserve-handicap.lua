-- Cas de test du marché réservé aux EA et ESAT (plugins/reserve-handicap.lua) sur les règles livrées.
--
-- Une réservation n'est jamais obligatoire. Le verdict suit le secteur du code CPV
-- (reserve/handicap/secteurs.lua) et la taille du lot (reserve/handicap/montant_max.lua,
-- 300 000 €, repère de praticien). Le texte attendu d'un motif (reason) est un extrait d'un des
-- motifs ; il évite les montants et les deux-points (espaces insécables de la typographie).

case {
  name = "Espaces verts de 180 000 € : recommandée, avec la réservation conjointe",
  lot = {
    reference = "H01", objet = "Entretien des espaces verts des collèges", nature = "services",
    cpv = "77310000", montant_ht = 180000, total_consultation_ht = 180000, duree_mois = 36,
    date_lancement = "2027-05-03", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee", reason = "interviennent couramment" },
    ["reserve-siae"] = { verdict = "recommandee", reason = "L2113-14" },
    ["reserve-ess"] = { verdict = "exclue" },
  },
}

case {
  name = "Rappel des conditions : 50 % de travailleurs handicapés, article cité dans l'AAPC et le DCE",
  lot = {
    reference = "H02", objet = "Mise sous pli des courriers du Département", nature = "services",
    cpv = "79571000", montant_ht = 60000, total_consultation_ht = 60000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee", reason = "en citant l'article L2113-12" },
  },
}

case {
  name = "Article R2113-7 cité avec les travailleurs handicapés",
  lot = {
    reference = "H03", objet = "Mise sous pli des courriers du Département", nature = "services",
    cpv = "79571000", montant_ht = 60000, total_consultation_ht = 60000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee", reason = { "conditions normales", "l'article R2113-7 fixe la proportion minimale" } },
  },
}

case {
  name = "Nettoyage exactement au montant repère de 300 000 € : recommandée",
  lot = {
    reference = "H04", objet = "Nettoyage des locaux", nature = "services", cpv = "90919200",
    montant_ht = 300000, total_consultation_ht = 300000, duree_mois = 48,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee", reason = "ne dépasse pas" },
  },
}

case {
  name = "Nettoyage d'un euro au-dessus du montant repère : possible",
  lot = {
    reference = "H05", objet = "Nettoyage des locaux", nature = "services", cpv = "90919200",
    montant_ht = 300001, total_consultation_ht = 300001, duree_mois = 48,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "possible", reason = "peu de structures peuvent prendre le lot seules" },
  },
}

case {
  name = "Le montant repère se compare au lot, pas à la consultation",
  lot = {
    reference = "H06-L2", consultation = "H06", objet = "Nettoyage des locaux – secteur sud",
    nature = "services", cpv = "90919200", montant_ht = 190000, total_consultation_ht = 900000,
    duree_mois = 48, date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee" },
    insertion = { verdict = "obligatoire", hours = 380 },
  },
}

case {
  name = "Impression de 38 000 € : recommandée",
  lot = {
    reference = "H07", objet = "Impression des supports de communication", nature = "services",
    cpv = "79810000", montant_ht = 38000, total_consultation_ht = 38000, duree_mois = 12,
    date_lancement = "2027-03-15", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee" },
    ["reserve-siae"] = { verdict = "exclue" },
  },
}

case {
  name = "Mobilier : recommandée ; autres fournitures de la division 39 : possible",
  lot = {
    reference = "H08", objet = "Mobilier de bureau", nature = "fournitures", cpv = "39130000",
    montant_ht = 90000, total_consultation_ht = 90000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee" },
  },
}

case {
  name = "Produits de nettoyage (division 39, hors mobilier) : possible",
  lot = {
    reference = "H09", objet = "Produits d'entretien", nature = "fournitures", cpv = "39830000",
    montant_ht = 90000, total_consultation_ht = 90000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "possible", reason = "sont peu présents" },
  },
}

case {
  name = "Maintenance des installations des bâtiments : possible",
  lot = {
    reference = "H10", objet = "Maintenance des installations techniques", nature = "services",
    cpv = "50700000", montant_ht = 380000, total_consultation_ht = 380000, duree_mois = 48,
    date_lancement = "2027-02-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "possible", reason = "sourcing local" },
  },
}

case {
  name = "Travaux lourds (désamiantage) : exclue, avec le motif",
  lot = {
    reference = "H11", objet = "Désamiantage et déconstruction", nature = "travaux", cpv = "45262660",
    montant_ht = 420000, total_consultation_ht = 8650000, duree_mois = 6,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "exclue", reason = "(préfixe 45)" },
    ["reserve-siae"] = { verdict = "exclue", reason = "(préfixe 4526266)" },
  },
}

case {
  name = "Ordinateurs : secteur absent de la table, exclue",
  lot = {
    reference = "H12", objet = "Ordinateurs portables", nature = "fournitures", cpv = "30213000",
    montant_ht = 1200000, total_consultation_ht = 1200000, duree_mois = 48,
    date_lancement = "2027-02-22", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "exclue", reason = "ne relève d'aucun des secteurs" },
  },
}

case {
  name = "Défense : l'analyse reste celle du droit commun (avertissement seulement)",
  lot = {
    reference = "H13", objet = "Blanchisserie des tenues", nature = "services", cpv = "98310000",
    montant_ht = 120000, total_consultation_ht = 120000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true, lieu = "61", anru = false,
  },
  expect = {
    ["reserve-handicap"] = { verdict = "recommandee" },
  },
}

case {
  name = "Lancement le 21 août 2026 au-dessus du seuil : la clause est obligatoire, jamais la réservation",
  lot = {
    reference = "H14", objet = "Nettoyage des locaux", nature = "services", cpv = "90919200",
    montant_ht = 250000, total_consultation_ht = 250000, duree_mois = 48,
    date_lancement = "2026-08-21", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    insertion = { verdict = "obligatoire", hours = 500 },
    ["reserve-handicap"] = { verdict = "recommandee" },
    ["reserve-siae"] = { verdict = "recommandee" },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "EA et ESAT : espaces verts de 180 000 €, les motifs et les valeurs",
  lot = {
    nature = "services", cpv = "77310000", montant_ht = 180000, duree_mois = 24, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-handicap"] = {
      verdict = "recommandee", hours = false, warning = false,
      values = {
        secteur = "adapte", montant_max = 300000, part_travailleurs_minimum = 0.5, reservation_conjointe = true,
      },
      reason = {
        "Le code CPV 77310000 relève d'un secteur où les EA et les ESAT interviennent couramment",
        "Le montant du lot (180 000 €) ne dépasse pas 300 000 €, taille qu'une EA ou un ESAT peut en général prendre en charge",
        "Réserver le marché ou le lot est un choix de l'acheteur, jamais une obligation : l'article L2113-12 du code de la commande publique permet de réserver",
        "candidats à un marché réservé : 50 %",
        "doivent indiquer que le marché ou le lot est réservé, en citant l'article L2113-12",
        "le marché ou le lot peut être réservé à la fois aux EA et ESAT et aux SIAE (article L2113-14)",
      },
    },
  },
}

case {
  name = "EA et ESAT : un centime au-dessus du montant repère, le motif de la taille",
  lot = { nature = "services", cpv = "90919200", montant_ht = 300000.01, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-handicap"] = {
      verdict = "possible",
      reason = {
        "Le montant du lot (300 000,01 €) dépasse 300 000 €, taille au-delà de laquelle peu de structures peuvent prendre le lot seules",
        "préférez un allotissement plus fin, une réservation conjointe ou une clause d'insertion",
      },
    },
  },
}

case {
  name = "EA et ESAT : secteur où elles sont peu présentes, le motif du sourcing",
  lot = { nature = "services", cpv = "50700000", montant_ht = 100000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-handicap"] = {
      verdict = "possible", values = { secteur = "peu_adapte" },
      reason = {
        "Le code CPV 50700000 relève d'un secteur où les EA et les ESAT sont peu présents",
        "que si un sourcing local (réseau Gesat, annuaire « le marché de l'inclusion ») montre que plusieurs structures peuvent exécuter le marché",
      },
    },
  },
}

case {
  name = "EA et ESAT : travaux de bâtiment, les motifs de l'exclusion",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 300000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-handicap"] = {
      verdict = "exclue",
      reason = {
        "Le code CPV 45210000 relève d'un secteur (préfixe 45) que les EA et les ESAT ne peuvent en général pas prendre en charge",
        "L'article L2113-12 ne limite pas les secteurs",
        "une clause d'insertion, qui permet la sous-traitance à ces structures, reste possible",
      },
    },
  },
}

case {
  name = "EA et ESAT : ordinateurs, secteur absent, le motif",
  lot = { nature = "fournitures", cpv = "30213000", montant_ht = 90000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-handicap"] = {
      verdict = "exclue",
      reason = "Le code CPV 30213000 ne relève d'aucun des secteurs où les EA et les ESAT sont réputés intervenir",
    },
  },
}

case {
  name = "EA et ESAT : le 8 décembre 2020, pas de réservation conjointe, le motif",
  lot = { nature = "services", cpv = "90919200", montant_ht = 150000, date_lancement = "2020-12-08" },
  expect = {
    ["reserve-handicap"] = {
      verdict = "recommandee", values = { reservation_conjointe = false },
      reason = "l'article L2113-14 ne permet pas de réserver un même marché à la fois aux EA et ESAT et aux SIAE : il faut choisir l'une des deux réservations",
    },
  },
}

case {
  name = "EA et ESAT : défense, l'avertissement",
  lot = {
    nature = "services", cpv = "98310000", montant_ht = 120000, date_lancement = "2027-03-01",
    type_acheteur = "etat", marche_defense = true,
  },
  expect = {
    ["reserve-handicap"] = {
      verdict = "recommandee",
      warning = "Marché de défense ou de sécurité : vérifiez la possibilité de réserver dans les dispositions propres à ces marchés",
    },
  },
}
