return {
  description = "Marchés réservés : aux EA et ESAT, aux SIAE, aux entreprises de l'économie sociale et solidaire",
  reference = "Code de la commande publique, L2113-12 à L2113-16, R2113-7",
}
