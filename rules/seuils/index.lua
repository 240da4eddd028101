return {
  description = "Seuils de montant (hors taxes) qui déclenchent une procédure ou une obligation",
}
