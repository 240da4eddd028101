-- Un lot est « à risque » quand ses heures réalisées sont en dessous de cette
-- part des heures attendues à date (prorata de la durée du marché).
return {
  description = "Part des heures attendues à date au-dessous de laquelle un lot est à risque",
  unit = "ratio",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 0.8,
      status = "hypothese",
      reference = "Aucune source publiée : seuil d'alerte de praticien",
    },
  },
}
