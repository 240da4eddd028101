-- Cas de la seconde revue juridique des règles (décembre 2026), écrits d'après les textes :
-- deux listes de services sociaux, marché de défense ou de sécurité, motifs d'exception,
-- reprise du personnel en propreté. Les motifs attendus évitent montants et deux-points
-- (espaces insécables de la typographie française).

-- 1. Deux listes. La restauration scolaire (55524000) est un service social et autre service
-- spécifique (annexe XIV de la directive 2014/24/UE, avis annexé au code) : son seuil européen
-- est de 750 000 €, non celui des fournitures et services (216 000 €).
local function cantine(montant, date)
  return {
    reference = "RS", objet = "Restauration scolaire", nature = "services", cpv = "55524000",
    montant_ht = montant, duree_mois = 36, date_lancement = date or "2027-03-01",
    type_acheteur = "collectivite", lieu = "61",
  }
end

case {
  name = "Restauration scolaire d'une collectivité à 600 000 € : sous le seuil de 750 000 €, pas d'obligation",
  lot = cantine(600000),
  expect = {
    insertion = {
      verdict = "possible", values = { seuil = 750000 },
      reason = { "applicable aux services sociaux et autres services spécifiques", "ne s'applique donc pas" },
    },
  },
}

case {
  name = "Restauration scolaire un euro sous 750 000 € : pas d'obligation",
  lot = cantine(749999),
  expect = { insertion = { verdict = "possible", values = { seuil = 750000 } } },
}

case {
  name = "Restauration scolaire exactement à 750 000 € : obligatoire (L2112-2-1)",
  lot = cantine(750000),
  expect = { insertion = { verdict = "obligatoire", values = { seuil = 750000 }, reason = "atteint le seuil" } },
}

case {
  name = "Restauration scolaire à 800 000 € : obligatoire",
  lot = cantine(800000),
  expect = { insertion = { verdict = "obligatoire", values = { seuil = 750000 } } },
}

case {
  name = "Restauration scolaire : pas un marché réservé ESS (hors de la liste de l'article 77)",
  lot = cantine(300000),
  expect = { ["reserve-ess"] = { verdict = "exclue", reason = "liste de l'article 77 de la directive 2014/24/UE" } },
}

-- 79611000 (services de recherche d'emploi) : service social et autre service spécifique (seuil de
-- 750 000 €, procédure adaptée R2123-1 3°), donc à la fois objet d'un marché d'insertion et hors de
-- l'obligation de L2112-2-1 sous 750 000 € ; pas dans la liste ESS.
local function recherche_emploi(montant)
  return {
    reference = "RE", objet = "Accompagnement vers l'emploi", nature = "services", cpv = "79611000",
    montant_ht = montant, duree_mois = 24, date_lancement = "2027-03-01", type_acheteur = "collectivite",
  }
end

case {
  name = "Recherche d'emploi à 300 000 € : seuil des services sociaux, pas d'obligation ; marché d'insertion",
  lot = recherche_emploi(300000),
  expect = {
    insertion = { values = { seuil = 750000 }, reason = "ne s'applique donc pas" },
    ["marche-insertion"] = { verdict = "recommandee" },
    ["reserve-ess"] = { verdict = "exclue" },
  },
}

case {
  name = "Recherche d'emploi à 750 000 € : obligatoire",
  lot = recherche_emploi(750000),
  expect = { insertion = { verdict = "obligatoire", values = { seuil = 750000 } } },
}

case {
  name = "Action sociale (85312000) : dans les deux listes, réservation ESS possible",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 300000, duree_mois = 24,
    date_lancement = "2027-03-01",
  },
  expect = {
    insertion = { values = { seuil = 750000 } },
    ["reserve-ess"] = { verdict = "recommandee" },
  },
}

case {
  name = "Nettoyage (90910000) : ni l'une ni l'autre liste, seuil des fournitures et services",
  lot = {
    nature = "services", cpv = "90910000", montant_ht = 216000, duree_mois = 24,
    date_lancement = "2027-03-01",
  },
  expect = { insertion = { verdict = "obligatoire", values = { seuil = 216000 } }, ["reserve-ess"] = { verdict = "exclue" } },
}

-- 2. La défense est une sorte de contrat, non d'acheteur (L1113-1, L2312-1-1).
case {
  name = "Ménage des bureaux d'un ministère (État) à 300 000 € : obligatoire, seuil de 140 000 €",
  lot = {
    nature = "services", cpv = "90910000", montant_ht = 300000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = false,
  },
  expect = {
    insertion = {
      verdict = "obligatoire", values = { seuil = 140000 }, warning = false,
      reason = "fournitures et services des autorités publiques centrales",
    },
  },
}

case {
  name = "Ménage des bureaux, type d'acheteur « défense » sans la colonne : autorité centrale, avertissement",
  lot = {
    nature = "services", cpv = "90910000", montant_ht = 300000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "defense",
  },
  expect = {
    insertion = {
      verdict = "obligatoire", values = { seuil = 140000 },
      warning = "Indiquez-le dans la colonne « Marché de défense ou de sécurité »",
    },
    ["critere-insertion"] = { verdict = "recommandee" },
  },
}

case {
  name = "Maintenance d'armements (marché de défense) à 500 000 € : seuil de 432 000 € atteint, non obligatoire",
  lot = {
    nature = "services", cpv = "50840000", montant_ht = 500000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "defense", marche_defense = true,
  },
  expect = {
    insertion = {
      values = { seuil = 432000 }, warning = false,
      reason = { "marchés de fournitures et services de défense ou de sécurité", "L2312-1-1" },
    },
  },
}

case {
  name = "Maintenance d'armements (marché de défense) à 400 000 € : sous le seuil de 432 000 €",
  lot = {
    nature = "services", cpv = "50840000", montant_ht = 400000, duree_mois = 36,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true,
  },
  expect = { insertion = { values = { seuil = 432000 }, reason = "est inférieur au seuil européen" } },
}

case {
  name = "Travaux de défense au-dessus du seuil des travaux : non obligatoires",
  lot = {
    nature = "travaux", cpv = "45216000", montant_ht = 6000000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true,
  },
  expect = {
    insertion = {
      verdict = "recommandee", values = { seuil = 5404000 },
      reason = "marchés de travaux de défense ou de sécurité",
    },
    ["critere-insertion"] = { verdict = "recommandee" },
  },
}

-- 3. Motifs d'exception : lus dans les règles, avec leur statut ; celui qu'aucun texte lu ne
-- confirme est dit tel.
case {
  name = "Motifs d'exception de L2112-2-1 : les trois motifs des règles, le troisième à vérifier",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, date_lancement = "2027-03-01" },
  expect = {
    insertion = {
      verdict = "obligatoire",
      reason = {
        "n'aurait pas de lien suffisant avec l'objet du marché",
        "restreindrait la concurrence ou rendrait l'exécution du marché techniquement ou économiquement difficile",
        "le besoin est satisfait par une solution immédiatement disponible (motif qu'aucun texte lu ne confirme",
      },
    },
  },
}

-- 5. Réservation ESS : ouverte aux pouvoirs adjudicateurs, y compris quand ils agissent comme
-- entité adjudicatrice.
case {
  name = "ESS : entité adjudicatrice, avertissement",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 300000, duree_mois = 24,
    date_lancement = "2027-03-01", type_acheteur = "entite-adjudicatrice",
  },
  expect = {
    ["reserve-ess"] = {
      verdict = "recommandee",
      warning = "y compris lorsqu'ils agissent comme entité adjudicatrice",
    },
  },
}

case {
  name = "ESS : collectivité, pas d'avertissement",
  lot = {
    nature = "services", cpv = "85312000", montant_ht = 300000, duree_mois = 24,
    date_lancement = "2027-03-01",
  },
  expect = { ["reserve-ess"] = { verdict = "recommandee", warning = false } },
}

-- 4. Propreté avec reprise du personnel (méthode PACT Propreté, Inserpropre) :
--   C = 20 €/h ÷ 80 % = 25 € ; A = 720 000 €, N = 36 mois → A ÷ N = 20 000 € par mois.
--   S = 400 h/mois : P = 1 − 400 × 25 ÷ 20 000 = 0,5 ; heures = 0,5 × 720 000 ÷ 25 × 5 % = 720
--   (sans reprise : 1 440 heures).
--   S = 760 h/mois : P = 1 − 19 000 ÷ 20 000 = 0,05 ; heures = 72, sous les 150 heures de la méthode.
local function proprete(reprise, date)
  return {
    nature = "services", cpv = "90910000", montant_ht = 720000, duree_mois = 36,
    date_lancement = date, reprise_heures_mois = reprise,
  }
end

case {
  name = "Propreté sans reprise, avant l'obligation : 1 440 heures",
  lot = proprete(nil, "2026-03-01"),
  expect = { insertion = { verdict = "recommandee", hours = 1440 } },
}

case {
  name = "Propreté, 400 h/mois reprises, avant l'obligation : 720 heures sur la part non reprise",
  lot = proprete(400, "2026-03-01"),
  expect = {
    insertion = {
      verdict = "recommandee", hours = 720, values = { part_non_reprise = 0.5 },
      reason = "calculées sur la part du marché non couverte par le personnel repris",
    },
  },
}

case {
  name = "Propreté, 760 h/mois reprises, avant l'obligation : 72 heures, sous 150 heures, pas de clause",
  lot = proprete(760, "2026-03-01"),
  expect = {
    insertion = {
      verdict = "exclue", hours = 72,
      reason = "la méthode de la filière propreté ne propose pas de clause",
    },
  },
}

case {
  name = "Propreté, 400 h/mois reprises, après l'obligation : obligatoire, 720 heures",
  lot = proprete(400, "2027-03-01"),
  expect = { insertion = { verdict = "obligatoire", hours = 720 } },
}

case {
  name = "Propreté, 760 h/mois reprises, après l'obligation : l'obligation demeure avec 72 heures",
  lot = proprete(760, "2027-03-01"),
  expect = {
    insertion = {
      verdict = "obligatoire", hours = 72,
      reason = "l'obligation de l'article L2112-2-1 demeure",
    },
  },
}

case {
  name = "Propreté, personnel repris au-delà du marché : aucune heure",
  lot = proprete(900, "2026-03-01"),
  expect = { insertion = { verdict = "exclue", hours = 0 } },
}

case {
  name = "Reprise indiquée hors propreté : ignorée, avec un avertissement",
  lot = {
    nature = "travaux", cpv = "45210000", montant_ht = 1000000, duree_mois = 12,
    date_lancement = "2027-03-01", reprise_heures_mois = 400,
  },
  expect = { insertion = { hours = 833, warning = "n'est retenue par les règles que pour la propreté" } },
}

case {
  name = "Reprise indiquée sans durée : ignorée, avec un avertissement",
  lot = {
    nature = "services", cpv = "90910000", montant_ht = 720000, date_lancement = "2026-03-01",
    reprise_heures_mois = 400,
  },
  expect = { insertion = { hours = 1440, warning = "la durée du marché (en mois) n'est pas connue" } },
}

-- 8. Dates avant le code (ordonnance n° 2015-899 et décret n° 2016-360, du 1er avril 2016 au
-- 31 mars 2019) et après les derniers seuils publiés (2026-2027).
case {
  name = "Travaux lancés en 2017 au-dessus du seuil de l'époque (5 225 000 €) : pas d'obligation, textes de l'époque",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, duree_mois = 24, date_lancement = "2017-06-01" },
  expect = {
    insertion = {
      verdict = "recommandee", hours = 5000, values = { seuil = 5225000 },
      reason = { "n'est pas en vigueur", "article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015" },
    },
    ["critere-insertion"] = { verdict = "recommandee", reason = "article 62 du décret n° 2016-360" },
  },
}

case {
  name = "Travaux lancés en 2017 sous le seuil de l'époque",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 5224999, duree_mois = 24, date_lancement = "2017-06-01" },
  expect = { insertion = { verdict = "recommandee", values = { seuil = 5225000 }, reason = "est inférieur au seuil" } },
}

case {
  name = "Nettoyage d'une collectivité lancé en 2018 : seuil 2018-2019 (221 000 €), toutes les clauses évaluées",
  lot = { nature = "services", cpv = "90910000", montant_ht = 300000, duree_mois = 36, date_lancement = "2018-06-01" },
  expect = {
    insertion = { verdict = "recommandee", values = { seuil = 221000 } },
    ["reserve-siae"] = { verdict = "recommandee", reason = "article 36, II, de l'ordonnance n° 2015-899" },
    ["reserve-handicap"] = { verdict = "recommandee" },
    ["marche-insertion"] = { verdict = "possible", reason = "article 28 du décret n° 2016-360" },
  },
}

case {
  name = "Action sociale lancée en 2017 : réservation ESS de l'article 37 de l'ordonnance",
  lot = { nature = "services", cpv = "85312000", montant_ht = 300000, duree_mois = 24, date_lancement = "2017-06-01" },
  expect = { ["reserve-ess"] = { verdict = "recommandee", reason = "article 37 de l'ordonnance n° 2015-899" } },
}

case {
  name = "Lancement le 1er avril 2019 : le code, sans renvoi aux textes de l'époque",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 1000000, duree_mois = 12, date_lancement = "2019-04-01" },
  expect = { insertion = { verdict = "recommandee", hours = 833, values = { seuil = 5548000 } } },
}

case {
  name = "Lancement en 2028 : derniers seuils connus (2026-2027), avec un avertissement",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, duree_mois = 24, date_lancement = "2028-03-01" },
  expect = {
    insertion = {
      verdict = "obligatoire", values = { seuil = 5404000 },
      warning = "ne sont pas encore publiés",
    },
  },
}

case {
  name = "Lancement le 31 décembre 2027 : seuils publiés, pas d'avertissement",
  lot = { nature = "travaux", cpv = "45210000", montant_ht = 6000000, duree_mois = 24, date_lancement = "2027-12-31" },
  expect = { insertion = { verdict = "obligatoire", warning = false } },
}

-- 6. Marché d'insertion : un marché mixte suit la prestation de plus grande valeur (R2123-2).
case {
  name = "Marché d'insertion, chantier de peinture (travaux) sous le repère : possible, si l'insertion porte la plus grande valeur",
  lot = { nature = "travaux", cpv = "45442100", montant_ht = 150000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "possible",
      reason = {
        "suit les règles applicables à celle de ces prestations dont la valeur estimée est la plus élevée",
        "que si le service d'insertion (accueil, encadrement, formation des personnes) porte la plus grande part de sa valeur estimée",
        "sinon, c'est un marché de travaux",
      },
    },
  },
}

case {
  name = "Marché d'insertion, espaces verts (services) sous le repère : possible, sinon un marché de services ordinaire",
  lot = { nature = "services", cpv = "77310000", montant_ht = 150000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = { verdict = "possible", reason = "sinon, c'est un marché de services ordinaire" },
  },
}

case {
  name = "Marché d'insertion, service de recherche d'emploi : l'insertion est l'objet, pas de règle de support",
  lot = { nature = "services", cpv = "79611000", montant_ht = 150000, date_lancement = "2027-03-01" },
  expect = { ["marche-insertion"] = { verdict = "recommandee" } },
}

case {
  name = "Propreté, 760 h/mois reprises, avant l'obligation : le critère suit les 72 heures, pas de clause proposée",
  lot = proprete(760, "2026-03-01"),
  expect = { ["critere-insertion"] = { verdict = "possible" } },
}

case {
  name = "Propreté, 400 h/mois reprises, avant l'obligation : le critère accompagne la clause de 720 heures",
  lot = proprete(400, "2026-03-01"),
  expect = { ["critere-insertion"] = { verdict = "recommandee", reason = "clause d'insertion de 720 heures" } },
}

case {
  name = "Marché d'insertion : l'objet (recherche d'emploi) est dans la liste longue de R2123-1 3°",
  lot = { nature = "services", cpv = "79611000", montant_ht = 900000, date_lancement = "2027-03-01" },
  expect = {
    ["marche-insertion"] = {
      verdict = "recommandee", warning = false, values = { liste_services_sociaux = true },
      reason = "atteint le seuil européen",
    },
  },
}
