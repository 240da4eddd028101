-- Arrondi du nombre d'heures d'insertion calculé.
--
-- "inferieur" : on garde la partie entière (833,33 heures → 833 heures), comme
-- dans l'exemple publié par les facilitateurs. C'est un choix de pratique :
-- aucun texte ne fixe l'arrondi des heures d'insertion.
return {
  description = "Arrondi des heures d'insertion calculées",
  unit = "texte",
  kind = "text",
  labels = {
    inferieur = "à l'heure inférieure",
    superieur = "à l'heure supérieure",
    plus_proche = "à l'heure la plus proche",
  },
  reference = "MEF Sud 77, calcul des heures d'insertion (mefsud77.fr/?page_id=28)",
  values = {
    {
      from = "2016-04-01",
      value = "inferieur",
      status = "hypothese",
      reference = "Choix de pratique, sans texte : l'exemple publié par MEF Sud 77 (mefsud77.fr/?page_id=28) "
        .. "arrondit 833,33 heures à 833 (mêmes chiffres sur laser-emploi.fr)",
      note = "Aucun texte ne fixe l'arrondi ; une politique locale peut retenir un autre mode.",
    },
  },
}
