-- Part de main-d'œuvre à partir de laquelle une clause d'insertion est
-- recommandée.
--
-- La circulaire de l'État de 2008 recommande les clauses dans les secteurs où
-- la main-d'œuvre représente au moins la moitié du montant (voir
-- main_oeuvre/part.lua pour la part de chaque famille de codes CPV).
return {
  description = "Part de main-d'œuvre minimale pour recommander une clause d'insertion",
  unit = "ratio",
  kind = "number",
  reference = "Circulaire de l'État de 2008, citée par le guide de l'AVE (2011)",
  values = {
    {
      from = "2016-04-01",
      value = 0.5,
      status = "verifie",
      reference = "Circulaire de l'État de 2008 (clauses dans les secteurs où la main-d'œuvre atteint "
        .. "50 %), citée par le guide de l'AVE (2011)",
    },
  },
}
