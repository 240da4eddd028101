return {
  description = "Services sociaux et autres services spécifiques : codes CPV concernés",
  reference = "Code de la commande publique, R2123-1 3°, L2113-15",
}
