-- Seuil européen des marchés de travaux.
--
-- Au-delà de ce montant estimé (hors taxes, apprécié sur l'ensemble de
-- l'opération), un marché de travaux relève des procédures formalisées ; c'est
-- aussi le seuil des contrats de concession. À partir du 21 août 2026, il
-- déclenche l'obligation de prévoir une condition d'exécution sociale
-- (CCP L2112-2-1, voir obligation_sociale/en_vigueur.lua).
--
-- Les seuils sont révisés tous les deux ans par la Commission européenne, puis
-- publiés par avis au Journal officiel et annexés au code (annexe 2).
return {
  description = "Seuil européen des marchés de travaux (tous acheteurs) et des contrats de concession",
  unit = "EUR",
  kind = "number",
  reference = "Code de la commande publique, annexe 2 (avis relatif aux seuils de procédure)",
  values = {
    {
      from = "2016-04-01",
      value = 5225000,
      status = "a-verifier",
      reference = "Règlement délégué (UE) 2015/2170 de la Commission du 24 novembre 2015 ; ordonnance "
        .. "n° 2015-899 du 23 juillet 2015 ; décret n° 2016-360 du 25 mars 2016, art. 42",
      note = "Numéro du règlement vu dans la version consolidée de la directive 2014/24/UE (eurlexa.com) ; "
        .. "montant cité de mémoire, à vérifier sur EUR-Lex.",
    },
    {
      from = "2018-01-01",
      value = 5548000,
      status = "a-verifier",
      reference = "Règlement délégué (UE) 2017/2365 de la Commission du 18 décembre 2017 ; décret "
        .. "n° 2016-360 du 25 mars 2016, art. 42",
      note = "Numéro du règlement vu dans la version consolidée de la directive 2014/24/UE (eurlexa.com) ; "
        .. "montant cité de mémoire, à vérifier sur EUR-Lex.",
    },
    {
      from = "2020-01-01",
      value = 5350000,
      status = "partiel",
      reference = "Règlements délégués (UE) 2019/1827 à 2019/1830 de la Commission du 30 octobre 2019 ; CCP, annexe 2",
      note = "Montants confirmés par une source secondaire (lgp-avocats.fr, « Les nouveaux seuils de "
        .. "procédures formalisées […] applicables depuis le 1er janvier 2022 ») ; les numéros des "
        .. "règlements délégués restent à vérifier sur EUR-Lex.",
    },
    {
      from = "2022-01-01",
      value = 5382000,
      status = "partiel",
      reference = "Règlements délégués (UE) 2021/1950 à 2021/1953 de la Commission du 10 novembre 2021 ; CCP, annexe 2",
      note = "Montants confirmés par une source secondaire (lgp-avocats.fr, « Les nouveaux seuils de "
        .. "procédures formalisées […] applicables depuis le 1er janvier 2022 ») ; les numéros des "
        .. "règlements délégués restent à vérifier sur EUR-Lex.",
    },
    {
      from = "2024-01-01",
      value = 5538000,
      status = "verifie",
      reference = "Règlements délégués (UE) de la Commission du 15 novembre 2023, dont 2023/2495 "
        .. "(directive 2014/24/UE), JOUE du 16 novembre 2023 ; CCP, annexe 2",
    },
    {
      from = "2026-01-01",
      value = 5404000,
      status = "verifie",
      reference = "Règlements délégués (UE) 2025/2150, 2025/2151 et 2025/2152 de la Commission du "
        .. "22 octobre 2025 ; avis du 26 décembre 2025 (JORF) ; CCP, annexe 2",
    },
  },
}
