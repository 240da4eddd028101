-- Durée de conservation des données des participants après leur dernière
-- heure déclarée (clausier followup purge). La CNIL recommande, pour
-- l'accompagnement social, une base active de 2 ans après le dernier contact.
return {
  description = "Durée de conservation des données d'un participant après sa dernière heure déclarée",
  unit = "mois",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 24,
      status = "partiel",
      reference = "CNIL, référentiel du secteur social et médico-social (2 ans après le dernier contact), lu "
        .. "dans un résumé secondaire",
      note = "La durée propre aux clauses sociales n'est fixée par aucun texte : à décider avec le délégué à la "
        .. "protection des données de la structure.",
    },
  },
}
