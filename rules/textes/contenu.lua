-- Ce que disent les articles que les plugins citent dans leurs motifs : la
-- phrase de chaque article, telle que les motifs la reprennent (« l'article
-- L2112-2-1 du code de la commande publique <contenu> »), avec sa source et son
-- degré de vérification. Le plugin écrit la phrase autour ; le contenu de
-- l'article est ici, et se corrige ici.
--
-- Clé : l'article, comme dans le fondement des plugins (« L2112-2-1 »).
return {
  description = "Contenu des articles cités par les motifs des plugins",
  unit = "texte",
  kind = "map",
  key = "article",
  reference = "Code de la commande publique",
  values = {
    {
      from = "2016-04-01",
      status = "partiel",
      reference = "Code de la commande publique ; pour les lancements antérieurs au 1er avril 2019, voir "
        .. "textes.correspondance",
      value = {
        ["L2112-2-1"] = {
          "impose aux marchés dont la valeur estimée atteint les seuils européens des conditions "
            .. "d'exécution prenant en compte des considérations relatives au domaine social ou à l'emploi, "
            .. "notamment en faveur des personnes défavorisées",
          status = "partiel",
          reference = "CCP L2112-2-1 (loi n° 2021-1104 du 22 août 2021, art. 35) ; rédaction reprise de "
            .. "l'article L3114-2-1 (concessions), lu, écrit par la même loi",
          note = "Texte de L2112-2-1 à relire sur Légifrance.",
        },
        ["L3114-2-1"] = {
          "impose aux contrats de concession dont la valeur estimée atteint le seuil européen des conditions "
            .. "d'exécution prenant en compte des considérations relatives au domaine social ou à l'emploi, "
            .. "notamment en faveur des personnes défavorisées",
          status = "partiel",
          reference = "CCP L3114-2-1, I (loi n° 2021-1104 du 22 août 2021, art. 35), texte lu dans une copie "
            .. "non officielle",
        },
        ["L2113-13-1"] = {
          "permet de réserver des marchés ou des lots à des opérateurs économiques qui les exécutent dans le "
            .. "cadre de leurs activités de production de biens et de services en établissement pénitentiaire, en "
            .. "y faisant travailler des personnes détenues (articles L412-10 à L412-18 du code pénitentiaire) "
            .. "dans une proportion minimale fixée par voie réglementaire",
          status = "verifie",
          reference = "CCP L2113-13-1, créé par l'ordonnance n° 2022-1336 du 19 octobre 2022, art. 19 (texte "
            .. "de Légifrance)",
        },
        ["L2312-1-1"] = {
          "laisse facultative la prise en compte de considérations sociales dans les marchés de défense ou "
            .. "de sécurité",
          status = "partiel",
          reference = "CCP L2312-1-1 (extrait de Légifrance)",
          note = "Contenu vu dans un extrait de Légifrance ; date de création de l'article non vérifiée.",
        },
        ["R2123-1 3°"] = {
          "permet de passer selon une procédure adaptée, quel que soit son montant, un marché de services "
            .. "sociaux et autres services spécifiques, dont les services de qualification et d'insertion "
            .. "professionnelle",
          status = "verifie",
          reference = "CCP R2123-1 3° (legifrance.gouv.fr/codes/id/LEGISCTA000037730857)",
        },
        ["L2113-15"] = {
          "réserve le marché aux entreprises de l'économie sociale et solidaire (article 1er de la loi "
            .. "n° 2014-856 du 31 juillet 2014) et aux structures équivalentes qui ont pour objectif "
            .. "d'assumer une mission de service public liée à ces services, réinvestissent leurs bénéfices "
            .. "pour l'atteindre et ont une direction ou un actionnariat participatifs",
          status = "partiel",
          reference = "CCP L2113-15 ; directive 2014/24/UE, art. 77, § 2",
          note = "Conditions résumées d'après des sources secondaires et la directive ; texte à relire sur "
            .. "Légifrance.",
        },
      },
    },
  },
}
