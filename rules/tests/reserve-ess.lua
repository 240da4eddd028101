-- Cas de test du marché réservé aux entreprises de l'économie sociale et solidaire
-- (plugins/reserve-ess.lua) sur les règles livrées.
--
-- Seulement pour les services sociaux et autres services spécifiques de la liste
-- (services_sociaux/cpv.lua), pour trois ans au plus (reserve/ess/duree_max_mois.lua, L2113-16).
-- Le texte attendu d'un motif (reason) est un extrait d'un des motifs ; il évite les montants et
-- les deux-points (espaces insécables de la typographie).

case {
  name = "ESS : accompagnement social de 24 mois, dans la liste",
  as_of = "2027-03-01",
  lot = {
    reference = "E01", objet = "Accompagnement social", nature = "services", cpv = "85312000",
    montant_ht = 400000, total_consultation_ht = 400000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "recommandee", reason = "respecte la durée maximale" },
    insertion = { verdict = "possible", hours = false },
  },
}

case {
  name = "ESS : 36 mois, exactement la durée maximale",
  lot = {
    reference = "E02", objet = "Accompagnement socioprofessionnel des bénéficiaires du RSA",
    nature = "services", cpv = "85312000", montant_ht = 400000, total_consultation_ht = 400000,
    duree_mois = 36, date_lancement = "2027-01-04", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "recommandee", reason = "atteint sans la dépasser" },
  },
}

case {
  name = "ESS : 37 mois, un mois de trop",
  lot = {
    reference = "E03", objet = "Accompagnement socioprofessionnel des bénéficiaires du RSA",
    nature = "services", cpv = "85312000", montant_ht = 400000, total_consultation_ht = 400000,
    duree_mois = 37, date_lancement = "2027-01-04", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "exclue", reason = "L2113-16" },
  },
}

case {
  name = "ESS : 48 mois, plus de trois ans, exclue avec le motif",
  lot = {
    reference = "E04", objet = "Hébergement et accompagnement de jeunes majeurs", nature = "services",
    cpv = "85311000", montant_ht = 900000, total_consultation_ht = 900000, duree_mois = 48,
    date_lancement = "2027-06-07", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "exclue", reason = "dépasse la durée maximale" },
    insertion = { verdict = "obligatoire", hours = false },
  },
}

case {
  name = "ESS : durée inconnue, possible en vérifiant le plafond de trois ans",
  lot = {
    reference = "E05", objet = "Accompagnement social", nature = "services", cpv = "85312000",
    montant_ht = 400000, total_consultation_ht = 400000,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "possible", reason = "La durée du marché n'est pas connue" },
  },
}

case {
  name = "ESS : formation du personnel (dans la liste, hors action sociale), possible",
  lot = {
    reference = "E06", objet = "Formation des agents", nature = "services", cpv = "80511000",
    montant_ht = 120000, total_consultation_ht = 120000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "possible", reason = "vérifiez l'offre locale" },
  },
}

case {
  name = "ESS : rappel des conditions faites aux candidats (mission de service public)",
  lot = {
    reference = "E07", objet = "Accompagnement social", nature = "services", cpv = "85312000",
    montant_ht = 400000, total_consultation_ht = 400000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "recommandee", reason = "mission de service public" },
  },
}

case {
  name = "ESS : nettoyage, hors de la liste, exclue",
  lot = {
    reference = "E08", objet = "Nettoyage des locaux", nature = "services", cpv = "90910000",
    montant_ht = 200000, total_consultation_ht = 200000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "exclue", reason = "n'en relève pas" },
  },
}

case {
  name = "ESS : travaux, exclue",
  lot = {
    reference = "E09", objet = "Construction d'une maison des solidarités", nature = "travaux",
    cpv = "45210000", montant_ht = 1500000, total_consultation_ht = 1500000, duree_mois = 18,
    date_lancement = "2027-03-01", type_acheteur = "collectivite", lieu = "61", anru = false,
  },
  expect = {
    ["reserve-ess"] = { verdict = "exclue" },
    ["reserve-handicap"] = { verdict = "exclue" },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "ESS : 24 mois, les motifs et les valeurs",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 400000, duree_mois = 24, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "recommandee",
      values = { duree_mois = 24, duree_max_mois = 36, secteur = "adapte", liste = true },
      reason = {
        "Le code CPV 85312000 relève de services d'action sociale que les entreprises de l'économie sociale et solidaire",
        "La durée prévue, 2 ans (24 mois), respecte la durée maximale de 3 ans (36 mois)",
        "réserve le marché aux entreprises de l'économie sociale et solidaire",
        "pour les mêmes services au cours des 36 mois précédents (article L2113-16)",
        "Réserver le marché est un choix de l'acheteur, jamais une obligation",
        "que le marché est réservé en application de l'article L2113-15",
      },
    },
  },
}

case {
  name = "ESS : 36 mois, le motif de la durée maximale atteinte",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 400000, duree_mois = 36, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "recommandee", reason = "La durée prévue, 3 ans (36 mois), atteint sans la dépasser",
    },
  },
}

case {
  name = "ESS : 48 mois, le motif de la durée dépassée",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 400000, duree_mois = 48, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "exclue",
      reason = {
        "La durée prévue, 4 ans (48 mois), dépasse la durée maximale de 3 ans (36 mois)",
        "ramenez sa durée, reconductions comprises, à 3 ans (36 mois) au plus",
      },
    },
  },
}

case {
  name = "ESS : durée inconnue, le motif",
  lot = { nature = "services", cpv = "85312000", montant_ht = 400000, date_lancement = "2027-03-01" },
  expect = {
    ["reserve-ess"] = {
      verdict = "possible",
      reason = {
        "La durée du marché n'est pas connue",
        "vérifiez la durée prévue avant de réserver",
      },
    },
  },
}

case {
  name = "ESS : formation du personnel, l'offre locale à vérifier",
  lot = {
    nature = "services", cpv = "80511000", montant_ht = 120000, duree_mois = 24, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "possible", values = { secteur = "peu_adapte" },
      reason = "vérifiez l'offre locale avant de réserver",
    },
  },
}

case {
  name = "ESS : nettoyage hors de la liste, le motif",
  lot = {
    nature = "services", cpv = "90910000", montant_ht = 200000, duree_mois = 24, date_lancement = "2027-03-01",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "exclue", values = { liste = false },
      reason = {
        "ne peut porter que sur les services de santé, sociaux ou culturels de la liste de l'article 77 de la directive 2014/24/UE",
        "ce lot (services, code CPV 90910000) n'en relève pas",
      },
    },
  },
}

case {
  name = "ESS : fournitures, exclue",
  lot = { nature = "fournitures", cpv = "85312000", montant_ht = 200000, date_lancement = "2027-03-01" },
  expect = { ["reserve-ess"] = { verdict = "exclue" } },
}

case {
  name = "ESS : défense, un avertissement",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 120000, duree_mois = 24, date_lancement = "2027-03-01",
    type_acheteur = "etat", marche_defense = true,
  },
  expect = { ["reserve-ess"] = { warning = "Marché de défense ou de sécurité" } },
}
