-- Arrondi du nombre d'heures d'insertion calculé.
--
-- "inferieur" : on garde la partie entière (833,33 heures → 833 heures), comme
-- dans l'exemple publié par les facilitateurs.
return {
  description = "Arrondi des heures d'insertion calculées",
  unit = "texte",
  kind = "text",
  reference = "MEF Sud 77, calcul des heures d'insertion (mefsud77.fr/?page_id=28)",
  values = {
    {
      from = "2019-04-01",
      value = "inferieur",
      status = "verifie",
      reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : 833,33 heures arrondies à 833 ; mêmes "
        .. "chiffres sur laser-emploi.fr",
    },
  },
}
