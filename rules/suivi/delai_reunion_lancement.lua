-- Délai dans lequel se tient la réunion de lancement de la clause (acheteur,
-- titulaire, facilitateur) après la notification (article du CCAP,
-- paragraphe 7). Usage, non fixé par un texte.
return {
  description = "Délai de la réunion de lancement de la clause d'insertion, après la notification du marché",
  unit = "mois",
  kind = "number",
  reference = "Pratique des facilitateurs des clauses sociales",
  values = {
    {
      from = "2016-04-01",
      value = 1,
      status = "hypothese",
      reference = "Aucune source publiée : délai usuel de praticien, à fixer par l'acheteur dans le CCAP",
      note = "La réunion se tient en tout état de cause avant le début de l'exécution.",
    },
  },
}
