return {
  description = "Marché de services de qualification et d'insertion professionnelle : objets et supports",
  reference = "Code de la commande publique, R2123-1 3°",
}
