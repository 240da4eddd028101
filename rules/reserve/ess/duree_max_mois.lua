-- Durée maximale d'un marché réservé aux entreprises de l'économie sociale et
-- solidaire (L2113-15) : trois ans (L2113-16, qui transpose l'article 77,
-- paragraphe 3, de la directive 2014/24/UE). Un marché plus long ne peut pas
-- être réservé à ce titre. La durée s'entend reconductions comprises.
return {
  description = "Durée maximale d'un marché réservé aux entreprises de l'économie sociale et solidaire",
  unit = "mois",
  kind = "number",
  reference = "Code de la commande publique, L2113-16",
  values = {
    {
      from = "2016-04-01",
      value = 36,
      status = "a-verifier",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 37 ; directive 2014/24/UE, art. 77, § 3",
      note = "Règles antérieures au code (repris à L2113-16) ; cité de mémoire, à vérifier sur Légifrance.",
    },
    {
      from = "2019-04-01",
      value = 36,
      status = "partiel",
      reference = "CCP L2113-16 ; directive 2014/24/UE, art. 77, § 3 (durée de trois ans au plus, citée par "
        .. "le réseau Gesat, hosmoz.fr)",
      note = "Vu dans une source secondaire ; texte de l'article à relire sur Légifrance.",
    },
  },
}
