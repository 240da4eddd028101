-- Seuils européens des marchés de fournitures et de services, selon l'acheteur.
--
-- Clés (type_acheteur, comme la colonne « Type d'acheteur » des programmes) :
--   etat                  autorités publiques centrales (l'État et ses
--                         établissements publics ; l'avis en exclut les EPIC de
--                         l'État et les établissements publics de santé, qui
--                         relèvent de « collectivite »)
--   collectivite          autres pouvoirs adjudicateurs (collectivités, hôpitaux…)
--   entite-adjudicatrice  entités adjudicatrices (réseaux : eau, énergie, transports)
--   defense               un acheteur du ministère des armées : une autorité
--                         publique centrale, même seuil que « etat ». Un MARCHÉ
--                         de défense ou de sécurité (colonne « Marché de défense
--                         ou de sécurité ») suit seuils/ue/defense_securite.lua.
--
-- Montants hors taxes, révisés tous les deux ans (CCP, annexe 2). Les services
-- sociaux et autres services spécifiques ont leur propre seuil
-- (seuils/ue/services_sociaux.lua).
return {
  description = "Seuil européen des marchés de fournitures et de services, par type d'acheteur",
  unit = "EUR",
  kind = "map",
  key = "type_acheteur",
  reference = "Code de la commande publique, annexe 2 (avis relatif aux seuils de procédure)",
  values = {
    -- Jusqu'en 2026, la clé « defense » valait le seuil des marchés de défense
    -- ou de sécurité : c'est désormais celui d'une autorité publique centrale.
    {
      from = "2016-04-01",
      value = { etat = 135000, collectivite = 209000, ["entite-adjudicatrice"] = 418000, defense = 135000 },
      status = "a-verifier",
      reference = "Règlements délégués (UE) 2015/2170 (directive 2014/24/UE) et 2015/2171 (directive "
        .. "2014/25/UE) de la Commission du 24 novembre 2015 ; ordonnance n° 2015-899 du 23 juillet 2015 ; "
        .. "décret n° 2016-360 du 25 mars 2016, art. 42 ; avis relatif aux seuils de procédure (JORF du "
        .. "27 mars 2016)",
      note = "Numéros des règlements vus dans la version consolidée de la directive 2014/24/UE "
        .. "(eurlexa.com) ; montants cités de mémoire, à vérifier sur EUR-Lex.",
    },
    {
      from = "2018-01-01",
      value = { etat = 144000, collectivite = 221000, ["entite-adjudicatrice"] = 443000, defense = 144000 },
      status = "a-verifier",
      reference = "Règlements délégués (UE) 2017/2365 (directive 2014/24/UE) et 2017/2364 (directive "
        .. "2014/25/UE) de la Commission du 18 décembre 2017 ; décret n° 2016-360 du 25 mars 2016, art. 42 ; "
        .. "avis relatif aux seuils de procédure (JORF du 31 décembre 2017)",
      note = "Numéros des règlements vus dans la version consolidée de la directive 2014/24/UE "
        .. "(eurlexa.com) ; montants cités de mémoire, à vérifier sur EUR-Lex.",
    },
    {
      from = "2020-01-01",
      value = {
        etat = 139000,
        collectivite = 214000,
        ["entite-adjudicatrice"] = 428000,
        defense = 139000,
      },
      status = "partiel",
      reference = "Règlements délégués (UE) 2019/1827 à 2019/1830 de la Commission du 30 octobre 2019 ; CCP, annexe 2",
      note = "Montants confirmés par une source secondaire (lgp-avocats.fr, « Les nouveaux seuils de "
        .. "procédures formalisées […] applicables depuis le 1er janvier 2022 ») ; les numéros des "
        .. "règlements délégués restent à vérifier sur EUR-Lex.",
    },
    {
      from = "2022-01-01",
      value = {
        etat = 140000,
        collectivite = 215000,
        ["entite-adjudicatrice"] = 431000,
        defense = 140000,
      },
      status = "partiel",
      reference = "Règlements délégués (UE) 2021/1950 à 2021/1953 de la Commission du 10 novembre 2021 ; CCP, annexe 2",
      note = "Montants confirmés par une source secondaire (lgp-avocats.fr, « Les nouveaux seuils de "
        .. "procédures formalisées […] applicables depuis le 1er janvier 2022 ») ; les numéros des "
        .. "règlements délégués restent à vérifier sur EUR-Lex.",
    },
    {
      from = "2024-01-01",
      value = {
        etat = 143000,
        collectivite = 221000,
        ["entite-adjudicatrice"] = 443000,
        defense = 143000,
      },
      status = "verifie",
      reference = "Règlements délégués (UE) de la Commission du 15 novembre 2023, dont 2023/2495 "
        .. "(directive 2014/24/UE) et 2023/2510 (directive 2009/81/CE), JOUE du 16 novembre 2023 ; "
        .. "CCP, annexe 2",
    },
    {
      from = "2026-01-01",
      value = {
        etat = 140000,
        collectivite = 216000,
        ["entite-adjudicatrice"] = 432000,
        defense = 140000,
      },
      status = "verifie",
      reference = "Règlements délégués (UE) 2025/2150, 2025/2151 et 2025/2152 de la Commission du "
        .. "22 octobre 2025 ; avis du 26 décembre 2025 (JORF) ; CCP, annexe 2",
    },
  },
}
