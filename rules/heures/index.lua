return {
  description = "Calcul des heures d'insertion : taux, coût horaire, arrondi",
}
