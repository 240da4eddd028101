-- Montant de lot au-delà duquel une réservation aux EA et ESAT n'est plus
-- recommandée, mais seulement possible.
--
-- Ce n'est pas une règle de droit : l'article L2113-12 ne fixe aucun plafond.
-- C'est un repère de taille : au-delà, peu d'EA ou d'ESAT ont la capacité de
-- prendre le lot seuls, et la consultation risque d'être infructueuse. Il se
-- compare au montant du lot (la réservation se décide lot par lot).
return {
  description = "Montant de lot au-delà duquel la réservation aux EA et ESAT n'est plus recommandée",
  unit = "EUR",
  kind = "number",
  reference = "Repère de praticien (aucun plafond dans le code de la commande publique)",
  values = {
    {
      from = "2016-04-01",
      value = 300000,
      status = "hypothese",
      reference = "Aucune source publiée : point de départ de praticien",
      note = "À calibrer avec le sourcing local (réseau Gesat, annuaire « le marché de l'inclusion ») : "
        .. "capacité des EA et ESAT du territoire dans le secteur du lot.",
    },
  },
}
