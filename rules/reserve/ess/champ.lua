-- Ce sur quoi peut porter un marché réservé aux entreprises de l'économie
-- sociale et solidaire (L2113-15), tel que les motifs le reprennent quand un lot
-- n'en relève pas (« Un marché réservé … <phrase> : ce lot … n'en relève pas. »).
return {
  description = "Champ d'un marché réservé aux entreprises de l'économie sociale et solidaire",
  unit = "texte",
  kind = "text",
  reference = "Code de la commande publique, L2113-15 ; directive 2014/24/UE, art. 77",
  values = {
    {
      from = "2016-04-01",
      value = "Un marché réservé aux entreprises de l'économie sociale et solidaire (article L2113-15 du code "
        .. "de la commande publique) ne peut porter que sur les services de santé, sociaux ou culturels de la "
        .. "liste de l'article 77 de la directive 2014/24/UE, plus courte que celle des services sociaux et "
        .. "autres services spécifiques",
      status = "partiel",
      reference = "CCP L2113-15 ; directive 2014/24/UE, art. 77, § 1 (la liste est dans les règles de la réservation ESS)",
    },
  },
}
