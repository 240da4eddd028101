-- Cas de test du marché réservé aux SIAE (plugins/reserve-siae.lua) sur les règles livrées.
--
-- Une réservation n'est jamais obligatoire. Le verdict suit le secteur du code CPV
-- (reserve/siae/secteurs.lua) et la taille du lot (reserve/siae/montant_max.lua, 500 000 €,
-- repère de praticien). Le texte attendu d'un motif (reason) est un extrait d'un des motifs ; il
-- évite les montants et les deux-points (espaces insécables de la typographie).

case {
  name = "Peinture des parties communes (second œuvre) de 240 000 € : recommandée",
  lot = {
    reference = "S01", objet = "Peinture des parties communes", nature = "travaux", cpv = "45442100",
    montant_ht = 240000, total_consultation_ht = 2010000, duree_mois = 14,
    date_lancement = "2027-04-12", type_acheteur = "collectivite", lieu = "61", anru = true,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee", reason = "interviennent couramment" },
    ["reserve-handicap"] = { verdict = "possible" },
  },
}

case {
  name = "Rappel des conditions : 50 % de travailleurs défavorisés, article cité dans l'AAPC et le DCE",
  lot = {
    reference = "S02", objet = "Entretien des espaces verts", nature = "services", cpv = "77310000",
    montant_ht = 264000, total_consultation_ht = 264000, duree_mois = 48,
    date_lancement = "2027-02-15", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee", reason = "en citant l'article L2113-13" },
  },
}

case {
  name = "Réservation conjointe avec les EA et ESAT (L2113-14)",
  lot = {
    reference = "S03", objet = "Entretien des espaces verts", nature = "services", cpv = "77310000",
    montant_ht = 264000, total_consultation_ht = 264000, duree_mois = 48,
    date_lancement = "2027-02-15", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee", reason = "réservé à la fois aux SIAE et aux EA et ESAT" },
  },
}

case {
  name = "Nettoyage exactement au montant repère de 500 000 € : recommandée",
  lot = {
    reference = "S04", objet = "Nettoyage des locaux", nature = "services", cpv = "90911200",
    montant_ht = 500000, total_consultation_ht = 500000, duree_mois = 48,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee", reason = "ne dépasse pas" },
    ["reserve-handicap"] = { verdict = "possible" },
  },
}

case {
  name = "Nettoyage d'un euro au-dessus du montant repère : possible",
  lot = {
    reference = "S05", objet = "Nettoyage des locaux", nature = "services", cpv = "90911200",
    montant_ht = 500001, total_consultation_ht = 500001, duree_mois = 48,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "possible", reason = "allotissement plus fin" },
  },
}

case {
  name = "Plâtrerie et peinture de 690 000 € : secteur adapté mais lot trop gros, possible",
  lot = {
    reference = "S06", objet = "Plâtrerie, cloisons, faux plafonds et peinture", nature = "travaux",
    cpv = "45410000", montant_ht = 690000, total_consultation_ht = 8650000, duree_mois = 18,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "possible" },
    insertion = { verdict = "obligatoire", hours = 690 },
  },
}

case {
  name = "Électricité : bâtiment hors second œuvre, possible après sourcing",
  lot = {
    reference = "S07", objet = "Électricité courants forts et faibles", nature = "travaux", cpv = "45310000",
    montant_ht = 300000, total_consultation_ht = 300000, duree_mois = 12,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "possible", reason = "sont peu présentes" },
  },
}

case {
  name = "Chaussées (travaux publics lourds) : exclue",
  lot = {
    reference = "S08", objet = "Terrassements et chaussées", nature = "travaux", cpv = "45233140",
    montant_ht = 980000, total_consultation_ht = 1480000, duree_mois = 8,
    date_lancement = "2027-04-05", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "exclue", reason = "(préfixe 4523)" },
    ["reserve-handicap"] = { verdict = "exclue" },
  },
}

case {
  name = "Restauration collective de 400 000 € : recommandée",
  lot = {
    reference = "S09", objet = "Repas en liaison froide", nature = "services", cpv = "55524000",
    montant_ht = 400000, total_consultation_ht = 400000, duree_mois = 36,
    date_lancement = "2027-01-18", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee" },
    ["reserve-handicap"] = { verdict = "possible" },
  },
}

case {
  name = "Collecte des déchets de 2 400 000 € : possible",
  lot = {
    reference = "S10", objet = "Collecte des déchets ménagers", nature = "services", cpv = "90511000",
    montant_ht = 2400000, total_consultation_ht = 2400000, duree_mois = 60,
    date_lancement = "2027-09-20", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "possible" },
  },
}

case {
  name = "Nettoyage pour l'État (services départementaux de l'État) : recommandée",
  lot = {
    reference = "S11", objet = "Nettoyage des locaux de la préfecture", nature = "services", cpv = "90919200",
    montant_ht = 152000, total_consultation_ht = 152000, duree_mois = 48,
    date_lancement = "2027-03-01", type_acheteur = "etat", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "recommandee" },
    insertion = { verdict = "obligatoire", hours = 304 },
  },
}

case {
  name = "Maîtrise d'œuvre : exclue",
  lot = {
    reference = "S12", objet = "Maîtrise d'œuvre", nature = "services", cpv = "71240000",
    montant_ht = 640000, total_consultation_ht = 640000, duree_mois = 60,
    date_lancement = "2027-09-06", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-siae"] = { verdict = "exclue", reason = "ne relève d'aucun des secteurs" },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "SIAE : le 9 décembre 2020, la réservation conjointe, le motif",
  lot = { nature = "services", cpv = "90919200", montant_ht = 150000, date_lancement = "2020-12-09" },
  expect = {
    ["reserve-siae"] = {
      values = { reservation_conjointe = true },
      reason = "le marché ou le lot peut être réservé à la fois aux SIAE et aux EA et ESAT (article L2113-14), ce qui élargit la concurrence",
    },
  },
}

case {
  name = "SIAE : peinture, les motifs des conditions et de la publicité",
  lot = { nature = "travaux", cpv = "45442100", montant_ht = 240000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-siae"] = {
      verdict = "recommandee",
      reason = {
        "qui emploient une proportion minimale de travailleurs défavorisés ; l'article R2113-7 fixe",
        "doivent indiquer que le marché ou le lot est réservé, en citant l'article L2113-13",
      },
    },
  },
}

case {
  name = "SIAE : électricité, le motif du secteur peu adapté",
  lot = { nature = "travaux", cpv = "45310000", montant_ht = 300000, date_lancement = "2027-03-01" },
  expect = { ["reserve-siae"] = { verdict = "possible", reason = "les SIAE sont peu présentes" } },
}

case {
  name = "SIAE : désamiantage, le motif de l'exclusion",
  lot = { nature = "travaux", cpv = "45262660", montant_ht = 420000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-siae"] = {
      verdict = "exclue",
      reason = "Le code CPV 45262660 relève d'un secteur (préfixe 4526266) que les SIAE ne peuvent en général pas prendre en charge",
    },
  },
}

case {
  name = "SIAE : ordinateurs, exclue",
  lot = { nature = "fournitures", cpv = "30213000", montant_ht = 90000, date_lancement = "2027-03-01" },
  expect = { ["reserve-siae"] = { verdict = "exclue" } },
}
