-- Pondération basse de la fourchette proposée pour le critère d'insertion.
--
-- Les acheteurs pondèrent couramment le critère « performance en matière
-- d'insertion professionnelle des publics en difficulté » entre 5 et 15 % de
-- la note. Aucun texte ne fixe de minimum : c'est une pratique, qu'une
-- politique locale peut changer.
return {
  description = "Pondération minimale proposée pour le critère d'attribution d'insertion",
  unit = "ratio",
  kind = "number",
  reference = "Code de la commande publique, R2152-7 2° a) ; pratique des acheteurs",
  values = {
    {
      from = "2016-04-01",
      value = 0.05,
      status = "partiel",
      reference = "Pratique des acheteurs et des facilitateurs de la clause sociale : pondération "
        .. "usuelle de 5 à 15 % (guides de la clause sociale) ; aucun texte ne fixe de minimum",
      note = "Fourchette de pratique, non imposée par les textes ; une politique locale peut la changer.",
    },
  },
}
