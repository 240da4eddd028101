-- Comment une sous-traitance à une SIAE ou une entreprise adaptée devient des
-- heures d'insertion : l'état déclare les heures des salariés en insertion de
-- la structure sur l'opération, multipliées par ce coefficient. Aucune méthode
-- publiée pour les heures réalisées (la seule formule connue dimensionne
-- l'obligation en amont).
return {
  description = "Coefficient appliqué aux heures déclarées en sous-traitance à une SIAE ou une EA",
  unit = "nombre",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 1,
      status = "hypothese",
      reference = "Aucune source publiée : heures déclarées par la structure, comptées telles quelles",
    },
  },
}
