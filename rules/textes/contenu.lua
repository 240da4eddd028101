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
        ["L2113-12"] = {
          "permet de réserver le marché ou le lot aux entreprises adaptées (EA, article L5213-13 du code du "
            .. "travail), aux établissements et services d'aide par le travail (ESAT, article L344-2 du code de "
            .. "l'action sociale et des familles) et aux structures équivalentes, qui emploient une proportion "
            .. "minimale de travailleurs handicapés qui, en raison de la nature ou de la gravité de leurs "
            .. "déficiences, ne peuvent exercer une activité professionnelle dans des conditions normales",
          status = "partiel",
          reference = "CCP L2113-12 (texte résumé ; ordonnance n° 2015-899, art. 36, I, avant le code)",
        },
        ["L2113-13"] = {
          "permet de réserver le marché ou le lot aux structures d'insertion par l'activité économique (SIAE : "
            .. "entreprises d'insertion, entreprises de travail temporaire d'insertion, associations "
            .. "intermédiaires, ateliers et chantiers d'insertion, article L5132-4 du code du travail) et aux "
            .. "structures équivalentes, qui emploient une proportion minimale de travailleurs défavorisés",
          status = "partiel",
          reference = "CCP L2113-13 (texte résumé ; ordonnance n° 2015-899, art. 36, II, avant le code)",
        },
        ["R2113-7"] = {
          "fixe la proportion minimale de travailleurs handicapés ou défavorisés des candidats à un marché "
            .. "réservé",
          status = "verifie",
          reference = "CCP R2113-7 (code-commande-publique.com, réservation de marchés L2113-12 s., R2113-7)",
        },
        ["R2122-8"] = {
          "permet de passer un marché sans publicité ni mise en concurrence préalables",
          status = "verifie",
          reference = "CCP R2122-8 (les seuils sont dans les règles des seuils de dispense)",
        },
        ["L2152-7"] = {
          "veut des critères d'attribution liés à l'objet du marché ou à ses conditions d'exécution",
          status = "verifie",
          reference = "CCP L2152-7 (ordonnance n° 2015-899, art. 52, avant le code)",
        },
        ["R2152-7"] = {
          "impose au moins un critère d'attribution prenant en compte les caractéristiques environnementales "
            .. "des offres",
          status = "verifie",
          reference = "CCP R2152-7, modifié par le décret n° 2022-767 du 2 mai 2022, art. 2 (en vigueur pour les "
            .. "consultations engagées à partir du 21 août 2026)",
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
