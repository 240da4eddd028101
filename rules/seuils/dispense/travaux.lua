-- Seuil de dispense de procédure des marchés de travaux (CCP R2122-8).
--
-- En dessous de ce montant estimé (hors taxes, apprécié sur l'ensemble du
-- besoin, donc sur tous les lots de la consultation), un marché de travaux peut
-- être passé sans publicité ni mise en concurrence préalables. Sans procédure
-- formalisée, une clause d'insertion est difficile à imposer et à suivre : le
-- plugin insertion le signale à l'acheteur.
--
-- Historique : 40 000 € en droit commun ; relevé à titre temporaire à
-- 100 000 € pour les travaux par la loi ASAP, puis prorogé d'année en année
-- (décrets n° 2022-1683 et n° 2024-1217) ; rendu permanent à 100 000 € par le
-- décret n° 2025-1386 à compter du 1er janvier 2026.
return {
  description = "Seuil de dispense de publicité et de mise en concurrence préalables des marchés de travaux",
  unit = "EUR",
  kind = "number",
  reference = "Code de la commande publique, R2122-8",
  values = {
    {
      from = "2016-04-01",
      value = 25000,
      status = "a-verifier",
      reference = "Décret n° 2016-360 du 25 mars 2016, art. 30, I, 8° (marchés de faible montant)",
      note = "Règles antérieures au code (repris à R2122-8 au 1er avril 2019) ; montant cité de mémoire, "
        .. "à vérifier sur Légifrance.",
    },
    {
      from = "2020-01-01",
      value = 40000,
      status = "a-verifier",
      reference = "CCP R2122-8, modifié par le décret n° 2019-1344 du 12 décembre 2019 : 40 000 € pour tous "
        .. "les marchés",
      note = "Même montant que pour les fournitures et services (seuils/dispense/fournitures_services.lua) ; "
        .. "ajouté avec les valeurs antérieures au code, à vérifier sur Légifrance.",
    },
    {
      from = "2020-12-09",
      value = 100000,
      status = "partiel",
      reference = "Loi n° 2020-1525 du 7 décembre 2020 (ASAP), art. 142 : 100 000 € HT pour les marchés de "
        .. "travaux, jusqu'au 31 décembre 2022 (lemoniteur.fr)",
      note = "Vu dans une source secondaire (Le Moniteur) ; date d'effet retenue : lendemain de la "
        .. "publication de la loi au Journal officiel du 8 décembre 2020, à vérifier sur Légifrance.",
    },
    {
      from = "2023-01-01",
      value = 100000,
      status = "verifie",
      reference = "Décret n° 2022-1683 du 28 décembre 2022 : seuil de 100 000 € HT prolongé jusqu'au "
        .. "31 décembre 2024 (lemoniteur.fr)",
    },
    {
      from = "2025-01-01",
      value = 100000,
      status = "verifie",
      reference = "Décret n° 2024-1217 du 28 décembre 2024 : seuil de 100 000 € HT prolongé jusqu'au "
        .. "31 décembre 2025 (lemoniteur.fr ; charrel-avocats.com)",
      note = "Le décret est entré en vigueur le 30 décembre 2024, pour les consultations lancées à partir "
        .. "de cette date ; le montant étant le même que celui du décret précédent, la date du 1er janvier "
        .. "2025 ne change aucun résultat.",
    },
    {
      from = "2026-01-01",
      value = 100000,
      status = "verifie",
      reference = "Décret n° 2025-1386 du 29 décembre 2025 : seuil de 100 000 € HT rendu permanent à compter "
        .. "du 1er janvier 2026 (marche-public.fr ; lofficieldesmetiers.fr)",
    },
  },
}
