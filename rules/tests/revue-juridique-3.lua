-- Cas de la revue juridique, point 7 (décembre 2026), écrits d'après les textes : la réservation
-- aux opérateurs du travail pénitentiaire (L2113-13-1, ordonnance n° 2022-1336) et l'obligation
-- sociale des contrats de concession (L3114-2-1, loi n° 2021-1104, art. 35). Les motifs attendus
-- évitent montants et deux-points (espaces insécables de la typographie française).

-- 1. Réservation aux opérateurs du travail pénitentiaire. L'article existe depuis le
-- 20 octobre 2022 ; la proportion minimale de personnes détenues est fixée par voie réglementaire.
local function impression(date, cpv)
  return {
    reference = "IMP", objet = "Impression de documents", nature = "fournitures", cpv = cpv or "22458000",
    montant_ht = 80000, duree_mois = 24, date_lancement = date or "2027-03-01", type_acheteur = "collectivite",
  }
end

case {
  name = "Imprimés en 2027 : réservation aux opérateurs du travail pénitentiaire possible (L2113-13-1)",
  lot = impression(),
  expect = {
    ["reserve-penitentiaire"] = {
      verdict = "possible", values = { part_detenus_minimum = 0.5 },
      reason = { "établissement pénitentiaire", "ne peut pas être réservé à la fois", "en citant l'article L2113-13-1" },
    },
  },
}

case {
  name = "Imprimés la veille de l'ordonnance n° 2022-1336 : la réservation n'existe pas",
  lot = impression("2022-10-19"),
  expect = { ["reserve-penitentiaire"] = { verdict = "exclue", reason = "article créé par l'ordonnance n° 2022-1336" } },
}

case {
  name = "Imprimés en novembre 2022 : article en vigueur, proportion minimale pas encore fixée",
  lot = impression("2022-11-15"),
  expect = { ["reserve-penitentiaire"] = { verdict = "exclue", reason = "pas encore fixée" } },
}

case {
  name = "Travaux de façades : un chantier ne s'exécute pas en détention",
  lot = {
    reference = "FAC", objet = "Ravalement de façades", nature = "travaux", cpv = "45443000",
    montant_ht = 400000, date_lancement = "2027-03-01", type_acheteur = "collectivite",
  },
  expect = { ["reserve-penitentiaire"] = { verdict = "exclue", reason = "exécuté dans l'établissement" } },
}

case {
  name = "Réservation pénitentiaire d'un marché de défense ou de sécurité : avertissement",
  lot = {
    reference = "DEF", objet = "Confection de tenues", nature = "fournitures", cpv = "18100000",
    montant_ht = 200000, date_lancement = "2027-03-01", type_acheteur = "etat", marche_defense = true,
  },
  expect = { ["reserve-penitentiaire"] = { verdict = "possible", warning = "défense ou de sécurité" } },
}

-- 2. Contrats de concession. L3114-2-1 : obligation pour les concessions dont la valeur estimée
-- atteint le seuil européen des concessions (celui des travaux, 5 404 000 € en 2026-2027), quelle
-- que soit leur nature ; deux motifs d'exception seulement ; pas de marché d'insertion ni de
-- réservation ESS ; les articles des concessions au fondement.
local function concession(montant, date, nature)
  return {
    reference = "DSP", objet = "Délégation du service de restauration collective", nature = nature or "services",
    cpv = "55520000", montant_ht = montant, duree_mois = 60, date_lancement = date or "2027-03-01",
    type_acheteur = "collectivite", concession = true,
  }
end

case {
  name = "Concession de services à 6 000 000 € en 2027 : obligatoire (L3114-2-1), seuil des concessions",
  lot = concession(6000000),
  expect = {
    insertion = {
      verdict = "obligatoire", values = { seuil = 5404000 }, basis = { "CCP L3114-2", "CCP L3114-2-1" },
      reason = { "applicable aux contrats de concession", "l'article L3114-2-1 du code de la commande publique",
        "lien suffisant avec l'objet du contrat de concession" },
    },
  },
}

case {
  name = "Concession à 6 000 000 € : le motif « solution immédiatement disponible » n'est pas proposé",
  lot = concession(6000000),
  expect = { insertion = { verdict = "obligatoire", no_reason = "immédiatement disponible" } },
}

case {
  name = "Concession de services à 5 403 999 € : sous le seuil des concessions, pas d'obligation",
  lot = concession(5403999),
  expect = {
    insertion = { values = { seuil = 5404000 }, reason = "L'obligation de l'article L3114-2-1 ne s'applique donc pas" },
  },
}

case {
  name = "Concession de services exactement au seuil : obligatoire",
  lot = concession(5404000),
  expect = { insertion = { verdict = "obligatoire", reason = "atteint le seuil" } },
}

case {
  name = "Concession de services à 1 000 000 € : au-dessus du seuil des services des marchés, pas de celui "
    .. "des concessions",
  lot = concession(1000000),
  expect = { insertion = { values = { seuil = 5404000 }, no_reason = "R2122-8" } },
}

case {
  name = "Concession à 6 000 000 € lancée avant le 21 août 2026 : obligation pas encore en vigueur",
  lot = concession(6000000, "2026-06-01"),
  expect = {
    insertion = { values = { seuil = 5404000 }, reason = "L'obligation de l'article L3114-2-1 du code de la commande publique n'est pas en vigueur" },
  },
}

case {
  name = "Concession : pas de marché d'insertion (R2123-1 3° propre aux marchés publics)",
  lot = {
    reference = "DSPI", objet = "Concession d'un service d'accompagnement vers l'emploi", nature = "services",
    cpv = "79611000", montant_ht = 300000, duree_mois = 36, date_lancement = "2027-03-01",
    type_acheteur = "collectivite", concession = true,
  },
  expect = {
    ["marche-insertion"] = { verdict = "exclue", reason = "ne peut pas être un marché d'insertion" },
    ["reserve-ess"] = { verdict = "exclue", reason = "Contrat de concession" },
  },
}

case {
  name = "Concession de travaux : réservation aux SIAE au fondement des concessions (L3113-2)",
  lot = {
    reference = "DSPT", objet = "Concession de travaux et d'exploitation d'un équipement", nature = "travaux",
    cpv = "45400000", montant_ht = 300000, duree_mois = 120, date_lancement = "2027-03-01",
    type_acheteur = "collectivite", concession = true,
  },
  expect = {
    ["reserve-siae"] = { basis = { "CCP L3113-2", "CCP R3113-1" },
      reason = "tiennent lieu des articles des marchés publics" },
  },
}
