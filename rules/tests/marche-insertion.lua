-- Cas de test de la clause « marche-insertion » : marché de services de
-- qualification et d'insertion professionnelle (CCP R2123-1 3°), passé en
-- procédure adaptée quel que soit son montant.
--
--   recommandee  service dont l'objet est l'insertion (codes CPV « objet » de
--                rules/marche_insertion/cpv.lua) ;
--   possible     formation, ou activité simple à forte main-d'œuvre servant de
--                support, jusqu'au plafond de support_montant_max (travaux
--                200 000 €, services 400 000 €) ;
--   exclue       fournitures, prestations intellectuelles, autres travaux,
--                support au-delà du plafond.
-- Jamais obligatoire, jamais d'heures.

case {
  name = "Marché d'insertion : accompagnement socioprofessionnel des bénéficiaires du RSA",
  lot = {
    reference = "M1", objet = "Accompagnement socioprofessionnel", nature = "services", cpv = "85312000",
    montant_ht = 400000, date_lancement = "2027-01-04", duree_mois = 36,
  },
  expect = {
    ["marche-insertion"] = {
      verdict = "recommandee", hours = false,
      reason = "procédure adaptée, quel que soit son montant",
      values = { categorie = "objet", seuil_services_sociaux = 750000 },
    },
  },
}

case {
  name = "Marché d'insertion : services de recherche d'emploi",
  lot = {
    reference = "M2", objet = "Accompagnement vers l'emploi", nature = "services", cpv = "79611000",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = {
      verdict = "recommandee",
      reason = "qualification ou l'insertion professionnelle",
    },
  },
}

case {
  name = "Marché d'insertion : services fournis par des organisations sociales",
  lot = {
    reference = "M3", objet = "Parcours d'insertion", nature = "services", cpv = "98133000",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "recommandee" },
  },
}

case {
  name = "Marché d'insertion : garderie, action sociale mais pas insertion professionnelle",
  lot = {
    reference = "M4", objet = "Garderie", nature = "services", cpv = "85312110",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue" },
  },
}

case {
  name = "Marché d'insertion : formation professionnelle, possible",
  lot = {
    reference = "M5", objet = "Formation qualifiante", nature = "services", cpv = "80530000",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = {
      verdict = "possible",
      reason = "qualification de personnes éloignées de l'emploi",
      values = { categorie = "formation" },
    },
  },
}

case {
  name = "Marché d'insertion : enseignement préscolaire, exclu",
  lot = {
    reference = "M6", objet = "Enseignement", nature = "services", cpv = "80110000",
    montant_ht = 100000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue" },
  },
}

case {
  name = "Marché d'insertion : au seuil européen des services sociaux, publicité européenne (à vérifier)",
  lot = {
    reference = "M7", objet = "Accompagnement socioprofessionnel", nature = "services", cpv = "85312000",
    montant_ht = 750000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "recommandee", reason = "Journal officiel de l'Union européenne" },
  },
}

case {
  name = "Marché d'insertion : le seuil s'apprécie sur la consultation",
  lot = {
    reference = "M8", objet = "Accompagnement socioprofessionnel, lot 1", nature = "services", cpv = "85312000",
    montant_ht = 400000, total_consultation_ht = 800000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "recommandee", reason = "Journal officiel de l'Union européenne" },
  },
}

case {
  name = "Marché d'insertion : espaces verts, support possible",
  lot = {
    reference = "M9", objet = "Entretien des espaces verts", nature = "services", cpv = "77310000",
    montant_ht = 180000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = {
      verdict = "possible", hours = false, reason = "peut servir de support",
      values = { categorie = "support", support_montant_max = 400000 },
    },
  },
}

case {
  name = "Marché d'insertion : nettoyage au plafond des services (400 000 €)",
  lot = {
    reference = "M10", objet = "Nettoyage des locaux", nature = "services", cpv = "90919200",
    montant_ht = 400000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Marché d'insertion : collecte des déchets au-delà du plafond",
  lot = {
    reference = "M11", objet = "Collecte des déchets", nature = "services", cpv = "90511000",
    montant_ht = 400000.01, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue", reason = "dépasse le repère" },
  },
}

case {
  name = "Marché d'insertion : peinture, chantier d'insertion au plafond des travaux (200 000 €)",
  lot = {
    reference = "M12", objet = "Peinture des parties communes", nature = "travaux", cpv = "45442100",
    montant_ht = 200000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "possible" },
  },
}

case {
  name = "Marché d'insertion : peinture au-delà du plafond des travaux",
  lot = {
    reference = "M13", objet = "Peinture des parties communes", nature = "travaux", cpv = "45442100",
    montant_ht = 200000.01, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = {
      verdict = "exclue",
      reason = { "porterait vraisemblablement la plus grande part de la valeur", "c'est un marché de travaux" },
    },
  },
}

case {
  name = "Marché d'insertion : construction d'un bâtiment, exclu",
  lot = {
    reference = "M14", objet = "Construction", nature = "travaux", cpv = "45210000",
    montant_ht = 150000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue", reason = "la réalisation de l'ouvrage" },
  },
}

case {
  name = "Marché d'insertion : fournitures, exclu",
  lot = {
    reference = "M15", objet = "Ordinateurs", nature = "fournitures", cpv = "30213000",
    montant_ht = 50000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue", reason = "Un marché de fournitures ne peut pas être" },
  },
}

case {
  name = "Marché d'insertion : maîtrise d'œuvre, prestation intellectuelle, exclu",
  lot = {
    reference = "M16", objet = "Maîtrise d'œuvre", nature = "services", cpv = "71240000",
    montant_ht = 50000, date_lancement = "2027-03-01",
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue", reason = "au sens de l'article R2123-1 3°" },
  },
}

-- Les motifs et les valeurs, cas par cas : ce qu'un motif doit dire, en extraits.

case {
  name = "Marché d'insertion : objet d'insertion, procédure adaptée, les motifs et les valeurs",
  lot = { nature = "services", cpv = "85312000", montant_ht = 400000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "recommandee", hours = false, values = { categorie = "objet", seuil_services_sociaux = 750000 },
      reason = {
        "a pour objet l'accompagnement, la qualification ou l'insertion professionnelle",
        "permet de passer selon une procédure adaptée, quel que soit son montant, un marché de services sociaux et autres services spécifiques, dont les services de qualification et d'insertion professionnelle",
      },
    },
  },
}

case {
  name = "Marché d'insertion : services de placement (79611000), recommandé",
  lot = { nature = "services", cpv = "79611000", montant_ht = 100000, date_lancement = "2027-03-01" },
  expect = { ["marche-insertion"] = { verdict = "recommandee" } },
}

case {
  name = "Marché d'insertion : organisations sociales (98133000), recommandé",
  lot = { nature = "services", cpv = "98133000", montant_ht = 100000, date_lancement = "2027-03-01" },
  expect = { ["marche-insertion"] = { verdict = "recommandee" } },
}

case {
  name = "Marché d'insertion : formation, le motif de la qualification",
  lot = { nature = "services", cpv = "80530000", montant_ht = 100000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "possible", reason = "s'il vise la qualification de personnes éloignées de l'emploi",
    },
  },
}

case {
  name = "Marché d'insertion : au seuil des services sociaux, l'avis au JOUE",
  lot = { nature = "services", cpv = "85312000", montant_ht = 750000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      reason = "Le montant de la consultation (750 000 €) atteint le seuil européen de 750 000 € des services sociaux et autres services spécifiques : la procédure reste adaptée, mais un avis doit être publié au Journal officiel de l'Union européenne (règle à vérifier)",
    },
  },
}

case {
  name = "Marché d'insertion : entité adjudicatrice, seuil des services sociaux d'un million",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 800000, date_lancement = "2027-03-01",
    type_acheteur = "entite-adjudicatrice",
  },
  expect = { ["marche-insertion"] = { values = { seuil_services_sociaux = 1000000 } } },
}

case {
  name = "Marché d'insertion : espaces verts, support, le motif et le plafond",
  lot = { nature = "services", cpv = "77310000", montant_ht = 180000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "possible", values = { categorie = "support", support_montant_max = 400000 },
      reason = "peut servir de support à un marché de qualification et d'insertion professionnelle",
    },
  },
}

case {
  name = "Marché d'insertion : au-delà du plafond des services, le motif",
  lot = { nature = "services", cpv = "90511000", montant_ht = 400000.01, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "exclue", reason = "dépasse le repère de 400 000 € retenu pour les services",
    },
  },
}

case {
  name = "Marché d'insertion : construction, le motif de l'ouvrage",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 150000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "exclue", reason = "l'objet du marché reste la réalisation de l'ouvrage",
    },
  },
}

case {
  name = "Marché d'insertion : fournitures et études, les motifs",
  lot = { nature = "fournitures", cpv = "30213000", montant_ht = 50000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "exclue",
      reason = "Un marché de fournitures ne peut pas être un marché de services de qualification",
    },
  },
}

case {
  name = "Marché d'insertion : prestation intellectuelle, le motif",
  lot = { nature = "services", cpv = "71240000", montant_ht = 50000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "exclue", reason = "ce n'est pas un marché d'insertion au sens de l'article R2123-1 3°",
    },
  },
}
