-- Délai dans lequel le titulaire prend contact avec le facilitateur après la
-- notification du marché (article du CCAP, paragraphe 6 ; guide de
-- l'entreprise). Aucun texte ne le fixe : c'est un usage des facilitateurs,
-- que l'acheteur arrête dans son CCAP et qu'un territoire peut remplacer par
-- le sien dans sa politique locale.
return {
  description = "Délai de prise de contact du titulaire avec le facilitateur, après la notification du "
    .. "marché",
  unit = "jours",
  kind = "number",
  reference = "Pratique des facilitateurs des clauses sociales",
  values = {
    {
      from = "2016-04-01",
      value = 15,
      status = "hypothese",
      reference = "Aucune source publiée : délai usuel de praticien, à fixer par l'acheteur dans le CCAP",
      note = "Un délai plus court est d'usage pour un marché de courte durée.",
    },
  },
}
