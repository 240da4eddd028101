-- Période pendant laquelle une entreprise qui a déjà obtenu de l'acheteur un
-- marché réservé (L2113-15) pour les mêmes services ne peut pas s'en voir
-- attribuer un autre : trois ans (L2113-16, qui transpose la directive
-- 2014/24/UE, art. 77, § 2, d)). Sert au rappel des conditions faites aux
-- candidats.
return {
  description = "Période sans attribution antérieure d'un marché réservé ESS pour les mêmes services",
  unit = "mois",
  kind = "number",
  reference = "Code de la commande publique, L2113-16 ; directive 2014/24/UE, art. 77, § 2, d)",
  values = {
    {
      from = "2016-04-01",
      value = 36,
      status = "a-verifier",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 37 ; directive 2014/24/UE, art. 77, § 2, d)",
      note = "Règles antérieures au code (repris à L2113-16) ; cité de mémoire, à vérifier sur Légifrance.",
    },
    {
      from = "2019-04-01",
      value = 36,
      status = "a-verifier",
      reference = "CCP L2113-16 ; directive 2014/24/UE, art. 77, § 2, d)",
      note = "Article corrigé par la revue juridique des règles (décembre 2026 : L2113-16, non L2113-15) ; "
        .. "texte non relu dans une source accessible : à vérifier sur Légifrance.",
    },
  },
}
