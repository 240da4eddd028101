return {
  description = "Facilitateurs des clauses sociales : structures qui accompagnent acheteurs et entreprises, "
    .. "par département",
  reference = "Réseau national des facilitateurs animé par Alliance Villes Emploi ; coordination "
    .. "régionale d'Île-de-France (GIP Maximilien, MACS)",
}
