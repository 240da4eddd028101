-- Catégories qui révèlent un handicap : la CNIL demande de traiter la
-- reconnaissance de travailleur handicapé comme une donnée de santé (article
-- 9.1 du RGPD). clausier ne montre ces catégories qu'au facilitateur : une
-- entreprise et un acheteur n'en voient qu'une mention « catégorie
-- protégée », et jamais dans un effectif de moins de suivi.effectif_minimum.
return {
  description = "Catégories d'éligibilité réservées au facilitateur (données de santé)",
  unit = "booleen",
  kind = "map",
  key = "categorie",
  reference = "CNIL, délibération n° 2023-005 (décret « Parcours insertion emploi »)",
  values = {
    {
      from = "2021-04-01",
      status = "partiel",
      reference = "CNIL, délibération n° 2023-005 : la RQTH est une donnée de santé ; l'AAH par analogie",
      value = { aah = true, rqth = true },
    },
  },
}
