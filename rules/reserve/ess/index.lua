return {
  description = "Marchés réservés aux entreprises de l'économie sociale et solidaire (services sociaux et "
    .. "autres services spécifiques)",
  reference = "Code de la commande publique, L2113-15 et L2113-16",
}
