return {
  description = "Part de la main-d'œuvre dans le montant des marchés, par famille de codes CPV",
}
