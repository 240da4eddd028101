-- Nombre d'heures d'insertion, calculé hors personnel repris, en dessous duquel
-- la méthode PACT Propreté ne propose pas de clause. Là où l'article
-- L2112-2-1 rend une condition d'exécution sociale obligatoire, l'obligation
-- demeure : la clause reste obligatoire, avec les heures calculées.
return {
  description = "Heures d'insertion minimales, hors personnel repris, pour proposer une clause (propreté)",
  unit = "heures",
  kind = "number",
  reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353)",
  values = {
    {
      from = "2016-04-01",
      value = 150,
      status = "partiel",
      reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353) : en dessous de 150 heures, la méthode "
        .. "ne propose pas de clause",
      note = "Seuil d'une méthode de filière, non d'un texte : il n'écarte pas l'obligation de L2112-2-1.",
    },
  },
}
