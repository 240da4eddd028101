-- Les heures d'un mois antérieur à la validation de l'éligibilité du
-- participant par le facilitateur comptent-elles ? L'usage répandu est « pas
-- de validation avant la première heure, pas d'heures » ; aucun texte ne le
-- fixe. Avec false, une ligne d'un mois qui finit avant la date de validation
-- est une erreur de l'état.
return {
  description = "Les heures réalisées avant la validation de l'éligibilité du participant comptent",
  unit = "booleen",
  kind = "boolean",
  values = {
    {
      from = "2021-04-01",
      value = false,
      status = "hypothese",
      reference = "Aucune source publiée : usage de facilitateurs, à confirmer",
    },
  },
}
