return {
  description = "Seuils européens des procédures formalisées, révisés tous les deux ans",
  reference = "Code de la commande publique, annexe 2",
}
