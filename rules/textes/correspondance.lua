-- Articles de l'époque qui correspondent, avant le code de la commande publique
-- (en vigueur le 1er avril 2019), aux articles du code que les plugins citent.
--
-- Du 1er avril 2016 au 31 mars 2019, les marchés publics relevaient de
-- l'ordonnance n° 2015-899 du 23 juillet 2015 et du décret n° 2016-360 du
-- 25 mars 2016. Pour un lot lancé dans cette période, chaque plugin dit, dans
-- ses motifs, à quel article de l'époque correspond chacun des articles du code
-- qu'il cite (plugins/lib/textes_anterieurs.lua). À partir du 1er avril 2019,
-- la table n'a plus de valeur.
--
-- Clé : l'article du code tel que les plugins l'écrivent dans leur fondement
-- (« L2112-2 », « R2123-1 3° ») ; valeur : l'article de l'époque.
return {
  description = "Articles de l'ordonnance n° 2015-899 et du décret n° 2016-360 correspondant aux articles du "
    .. "code cités, pour les lancements antérieurs au 1er avril 2019",
  unit = "texte",
  kind = "map",
  key = "article",
  reference = "Ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics ; décret n° 2016-360 du "
    .. "25 mars 2016 relatif aux marchés publics",
  values = {
    {
      from = "2016-04-01",
      status = "a-verifier",
      reference = "Tables de concordance du code de la commande publique, citées de mémoire : à vérifier sur "
        .. "Légifrance",
      value = {
        ["L2112-2"] = "article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["L2152-7"] = "article 52 de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["R2152-7"] = "article 62 du décret n° 2016-360 du 25 mars 2016",
        ["R2122-8"] = "article 30, I, 8° du décret n° 2016-360 du 25 mars 2016",
        ["L2113-12"] = "article 36, I, de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["L2113-13"] = "article 36, II, de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["R2113-7"] = "article 36 de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["L2113-15"] = "article 37 de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["L2113-16"] = "article 37 de l'ordonnance n° 2015-899 du 23 juillet 2015",
        ["R2123-1 3°"] = "article 28 du décret n° 2016-360 du 25 mars 2016",
      },
    },
    {
      from = "2019-04-01",
      repealed = true,
      status = "verifie",
      reference = "Code de la commande publique, en vigueur le 1er avril 2019 (ordonnance n° 2018-1074 du "
        .. "26 novembre 2018 et décret n° 2018-1075 du 3 décembre 2018)",
    },
  },
}
