return {
  description = "Seuils de dispense de procédure : en dessous, un marché peut être passé sans publicité ni "
    .. "mise en concurrence préalables",
  reference = "Code de la commande publique, R2122-8",
}
