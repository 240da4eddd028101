-- Seuils européens des marchés de défense ou de sécurité (CCP L1113-1 ;
-- directive 2009/81/CE), selon la nature du marché.
--
-- Un marché de défense ou de sécurité est une SORTE DE CONTRAT, pas
-- d'acheteur : c'est la colonne « Marché de défense ou de sécurité » du
-- programme (clé marche_defense, ou la « nature » DECP « Marché de défense ou
-- de sécurité ») qui le dit. Le ménage des bureaux d'un ministère n'en est pas
-- un ; il suit les seuils de son acheteur (seuils/ue/fournitures_services.lua).
--
-- Clés (nature) : travaux, fournitures, services.
return {
  description = "Seuil européen des marchés de défense ou de sécurité, par nature de marché",
  unit = "EUR",
  kind = "map",
  key = "nature",
  reference = "Code de la commande publique, L1113-1 et annexe 2 ; directive 2009/81/CE, art. 8",
  values = {
    {
      from = "2016-04-01",
      value = { travaux = 5225000, fournitures = 418000, services = 418000 },
      status = "a-verifier",
      reference = "Règlement (UE) 2015/2340 de la Commission (seuils 2016-2017 de la directive 2009/81/CE) ; "
        .. "ordonnance n° 2015-899 du 23 juillet 2015, art. 6 ; décret n° 2016-361 du 25 mars 2016",
      note = "Montants et numéro du règlement cités de mémoire : à vérifier sur EUR-Lex et Légifrance.",
    },
    {
      from = "2018-01-01",
      value = { travaux = 5548000, fournitures = 443000, services = 443000 },
      status = "a-verifier",
      reference = "Règlement (UE) 2017/2367 de la Commission (seuils 2018-2019 de la directive 2009/81/CE) ; "
        .. "décret n° 2016-361 du 25 mars 2016",
      note = "Montants et numéro du règlement cités de mémoire : à vérifier sur EUR-Lex et Légifrance.",
    },
    {
      from = "2020-01-01",
      value = { travaux = 5350000, fournitures = 428000, services = 428000 },
      status = "partiel",
      reference = "Règlements délégués (UE) 2019/1827 à 2019/1830 de la Commission du 30 octobre 2019 ; CCP, annexe 2",
      note = "Montants repris des seuils de travaux et des entités adjudicatrices de la même période, "
        .. "confirmés par une source secondaire (lgp-avocats.fr).",
    },
    {
      from = "2022-01-01",
      value = { travaux = 5382000, fournitures = 431000, services = 431000 },
      status = "partiel",
      reference = "Règlements délégués (UE) 2021/1950 à 2021/1953 de la Commission du 10 novembre 2021 ; CCP, annexe 2",
      note = "Montants confirmés par une source secondaire (lgp-avocats.fr) ; numéros des règlements à "
        .. "vérifier sur EUR-Lex.",
    },
    {
      from = "2024-01-01",
      value = { travaux = 5538000, fournitures = 443000, services = 443000 },
      status = "verifie",
      reference = "Règlements délégués (UE) de la Commission du 15 novembre 2023, dont 2023/2510 "
        .. "(directive 2009/81/CE), JOUE du 16 novembre 2023 ; CCP, annexe 2",
    },
    {
      from = "2026-01-01",
      value = { travaux = 5404000, fournitures = 432000, services = 432000 },
      status = "verifie",
      reference = "Règlements délégués (UE) 2025/2150, 2025/2151 et 2025/2152 de la Commission du "
        .. "22 octobre 2025 ; avis du 26 décembre 2025 (JORF) ; CCP, annexe 2",
    },
  },
}
