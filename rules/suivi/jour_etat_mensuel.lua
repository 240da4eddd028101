-- Jour du mois au plus tard auquel le titulaire transmet au facilitateur
-- l'état des heures d'insertion du mois précédent (article du CCAP,
-- paragraphe 8). Usage, non fixé par un texte ; la pénalité de retard du
-- paragraphe 9 court à partir de ce jour.
return {
  description = "Jour du mois au plus tard pour transmettre l'état mensuel des heures d'insertion du mois "
    .. "précédent",
  unit = "nombre",
  kind = "number",
  reference = "Pratique des facilitateurs des clauses sociales",
  values = {
    {
      from = "2016-04-01",
      value = 10,
      status = "hypothese",
      reference = "Aucune source publiée : échéance usuelle de praticien, à fixer par l'acheteur dans le CCAP",
      note = "Certains facilitateurs demandent un état trimestriel : la périodicité se modifie alors dans "
        .. "le texte du CCAP.",
    },
  },
}
