-- Pénalité par heure d'insertion non réalisée, que l'acheteur fixe dans son
-- CCAP ; appliquée après une procédure contradictoire (CCAG 2021).
return {
  description = "Pénalité par heure d'insertion non réalisée (à fixer dans le CCAP)",
  unit = "EUR/h",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 30,
      status = "hypothese",
      reference = "Aucune source publiée : ordre de grandeur du coût horaire chargé, à fixer dans le CCAP",
    },
  },
}
