return {
  description = "Choix de politique d'achat (valeurs par défaut qu'une politique locale peut remplacer)",
}
