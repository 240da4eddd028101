-- Un état qui porte les heures réalisées d'un lot au-delà de ce multiple des
-- heures attendues à date est signalé (avertissement, l'état est importé).
return {
  description = "Multiple des heures attendues à date au-delà duquel un état est signalé",
  unit = "nombre",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 1.5,
      status = "hypothese",
      reference = "Aucune source publiée : seuil d'alerte de praticien",
    },
  },
}
