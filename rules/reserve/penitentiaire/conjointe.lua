-- Ce que l'article L2113-14 dit d'une réservation aux opérateurs du travail
-- pénitentiaire jointe à une autre réservation, tel que les motifs le reprennent
-- (« <phrase>. »).
return {
  description = "Réservation d'un même marché aux opérateurs du travail pénitentiaire et à d'autres opérateurs",
  unit = "texte",
  kind = "text",
  reference = "Code de la commande publique, L2113-14, dernier alinéa",
  values = {
    {
      from = "2022-10-20",
      value = "Un même marché ou un même lot ne peut pas être réservé à la fois aux opérateurs qui remplissent "
        .. "les conditions de l'article L2113-13-1 et aux entreprises adaptées, ESAT ou structures d'insertion "
        .. "qui ne les remplissent pas (article L2113-14, dernier alinéa)",
      status = "partiel",
      reference = "Ordonnance n° 2022-1336 du 19 octobre 2022, art. 19, complétant L2113-14 (texte cité par "
        .. "un commentaire de l'ordonnance)",
    },
  },
}
