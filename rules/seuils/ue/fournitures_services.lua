-- Seuils européens des marchés de fournitures et de services, selon l'acheteur.
--
-- Clés (type_acheteur, comme la colonne « Type d'acheteur » des programmes) :
--   etat                  autorités publiques centrales (État et ses établissements)
--   collectivite          autres pouvoirs adjudicateurs (collectivités, hôpitaux…)
--   entite-adjudicatrice  entités adjudicatrices (réseaux : eau, énergie, transports)
--   defense               marchés de défense ou de sécurité
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
    {
      from = "2020-01-01",
      value = {
        etat = 139000,
        collectivite = 214000,
        ["entite-adjudicatrice"] = 428000,
        defense = 428000,
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
        defense = 431000,
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
        defense = 443000,
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
        defense = 432000,
      },
      status = "verifie",
      reference = "Règlements délégués (UE) 2025/2150, 2025/2151 et 2025/2152 de la Commission du "
        .. "22 octobre 2025 ; avis du 26 décembre 2025 (JORF) ; CCP, annexe 2",
    },
  },
}
