-- Pondération proposée par défaut pour le critère d'insertion, quand il est
-- recommandé (les cas seulement « possibles » reçoivent la pondération basse,
-- critere/poids_min.lua).
return {
  description = "Pondération proposée par défaut pour le critère d'attribution d'insertion recommandé",
  unit = "ratio",
  kind = "number",
  reference = "Pratique des acheteurs",
  values = {
    {
      from = "2016-04-01",
      value = 0.10,
      status = "hypothese",
      reference = "Aucune source publiée : milieu de la fourchette usuelle de 5 à 15 %, point de départ "
        .. "de praticien",
      note = "À ajuster consultation par consultation, avec le facilitateur.",
    },
  },
}
