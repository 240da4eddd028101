return {
  description = "Marchés ou lots réservés aux entreprises adaptées (EA) et aux ESAT",
  reference = "Code de la commande publique, L2113-12 et R2113-7",
}
