-- Longueur maximale de la note insertion que le candidat remet avec son offre
-- quand le règlement de la consultation comporte le critère d'insertion
-- (document rc-critere-insertion). Aucun texte ne la fixe : c'est un repère
-- de praticien, qui borne l'effort demandé aux candidats et facilite la
-- comparaison des offres.
return {
  description = "Nombre maximal de pages de la note insertion remise avec l'offre (critère d'insertion)",
  unit = "nombre",
  kind = "number",
  reference = "Pratique des acheteurs et des facilitateurs",
  values = {
    {
      from = "2016-04-01",
      value = 4,
      status = "hypothese",
      reference = "Aucune source publiée : longueur usuelle de praticien pour une note de méthodologie "
        .. "ciblée",
      note = "À adapter au montant et à la complexité du marché.",
    },
  },
}
