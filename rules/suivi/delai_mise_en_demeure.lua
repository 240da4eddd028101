-- Délai laissé au titulaire par la mise en demeure avant pénalité
-- (procédure contradictoire du CCAG 2021).
return {
  description = "Délai laissé au titulaire par la mise en demeure, avant l'application des pénalités",
  unit = "jours",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 15,
      status = "hypothese",
      reference = "Aucune source publiée : délai usuel, à fixer dans le CCAP",
    },
  },
}
