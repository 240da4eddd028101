-- Familles de codes CPV où un critère d'insertion n'a, en règle générale, pas
-- de lien suffisant avec l'objet du marché : fournitures courantes achetées sur
-- étagère et prestations intellectuelles ou informatiques, qui ne peuvent pas
-- être exécutées, même en partie, par des personnes en insertion.
--
-- Le Conseil d'État admet le critère d'insertion lorsque le marché peut être
-- exécuté au moins en partie par des personnes en insertion (CE, 25 mars 2013,
-- Département de l'Isère, n° 364950) : la liste ci-dessous est une heuristique
-- de praticien pour les cas où ce n'est pas le cas.
return {
  description = "Familles CPV sans lien suffisant avec un critère d'insertion (préfixes)",
  unit = "code",
  kind = "cpv_list",
  reference = "Heuristique de praticien, d'après CE, 25 mars 2013, Département de l'Isère, n° 364950",
  values = {
    {
      from = "2016-04-01",
      value = {
        "09", -- 09000000 produits pétroliers, combustibles, électricité
        "30", -- 30000000 machines de bureau et matériel informatique
        "31", -- 31000000 machines et appareils électriques
        "32", -- 32000000 équipements de radio, télévision, communication
        "33", -- 33000000 matériels médicaux et pharmaceutiques
        "34", -- 34000000 équipements de transport (véhicules)
        "38", -- 38000000 équipements de laboratoire, d'optique et de précision
        "48", -- 48000000 logiciels
        "66", -- 66000000 services financiers et d'assurance
        "70", -- 70000000 services immobiliers
        "71", -- 71000000 architecture, ingénierie, maîtrise d'œuvre
        "72", -- 72000000 services informatiques
        "73", -- 73000000 recherche et développement
        "794", -- 79400000 conseil en affaires et en gestion
      },
      status = "hypothese",
      reference = "Aucune source publiée : familles où l'insertion a rarement un lien avec l'objet "
        .. "(fournitures sur étagère, prestations intellectuelles), heuristique de praticien",
      note = "À revoir avec le facilitateur : un lot de ces familles peut comporter une part "
        .. "d'exécution accessible (livraison, montage, saisie) ; l'acheteur décide alors au cas par cas.",
    },
  },
}
