return {
  description = "Marchés ou lots réservés aux structures d'insertion par l'activité économique (SIAE)",
  reference = "Code de la commande publique, L2113-13, L2113-14 et R2113-7",
}
