-- Seuil de dispense de procédure des marchés de fournitures et de services
-- (CCP R2122-8).
--
-- En dessous de ce montant estimé (hors taxes, apprécié sur l'ensemble du
-- besoin, donc sur tous les lots de la consultation), un marché de fournitures
-- ou de services peut être passé sans publicité ni mise en concurrence
-- préalables. Porté de 40 000 € à 60 000 € par le décret n° 2025-1386, pour les
-- consultations lancées à partir du 1er avril 2026.
return {
  description = "Seuil de dispense de publicité et de mise en concurrence préalables des marchés de "
    .. "fournitures et de services",
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
      status = "partiel",
      reference = "CCP R2122-8 (rédaction en vigueur jusqu'au 31 mars 2026) : 40 000 € HT "
        .. "(lofficieldesmetiers.fr ; charrel-avocats.com)",
      note = "Le montant de 40 000 € est vu dans les sources ; sa date d'effet (1er janvier 2020, décret "
        .. "n° 2019-1344 du 12 décembre 2019) est citée de mémoire, à vérifier sur Légifrance.",
    },
    {
      from = "2026-04-01",
      value = 60000,
      status = "verifie",
      reference = "Décret n° 2025-1386 du 29 décembre 2025 : 60 000 € HT pour les fournitures et services à "
        .. "compter du 1er avril 2026 (marche-public.fr ; lofficieldesmetiers.fr)",
    },
  },
}
