return {
  description = "Charte nationale d'insertion de l'ANRU (NPNRU) : taux d'heures et marchés concernés",
  reference = "Charte nationale d'insertion de l'ANRU, conseil d'administration du 24 mars 2015",
}
