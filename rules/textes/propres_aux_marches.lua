-- Leviers propres aux marchés publics : les articles qu'aucun article des
-- contrats de concession ne reprend. Pour un lot marqué « Contrat de
-- concession », le plugin dont le fondement cite l'un d'eux rend le verdict
-- « exclue » avec ce motif (plugins/lib/regime.lua).
--
-- Clé : l'article des marchés tel que les plugins l'écrivent dans leur fondement
-- (« R2123-1 3° ») ; valeur : la raison, qui suit « Contrat de concession : ».
return {
  description = "Leviers propres aux marchés publics, sans équivalent pour les contrats de concession",
  unit = "texte",
  kind = "map",
  key = "article",
  reference = "Code de la commande publique, deuxième et troisième parties",
  values = {
    {
      from = "2016-04-01",
      status = "partiel",
      reference = "Code de la commande publique (ordonnances n° 2015-899 et n° 2016-65 avant le "
        .. "1er avril 2019)",
      value = {
        ["R2123-1 3°"] = {
          "la procédure adaptée des services de qualification et d'insertion professionnelle (article R2123-1 3°) "
            .. "est une procédure de passation des marchés publics ; un contrat de concession ne peut pas être "
            .. "un marché d'insertion",
          status = "partiel",
          reference = "CCP R2123-1 3° (deuxième partie du code, marchés publics)",
        },
        ["L2113-15"] = {
          "la réservation aux entreprises de l'économie sociale et solidaire (article L2113-15, article 77 de la "
            .. "directive 2014/24/UE) vise les marchés de services sociaux et autres services spécifiques ; la "
            .. "directive 2014/23/UE sur les concessions n'a pas de disposition équivalente",
          status = "a-verifier",
          reference = "Directive 2014/24/UE, art. 77 ; directive 2014/23/UE (aucun article équivalent relevé)",
          note = "Absence d'équivalent dans la troisième partie du code à vérifier sur Légifrance.",
        },
      },
    },
  },
}
