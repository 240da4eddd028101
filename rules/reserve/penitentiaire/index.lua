return {
  description = "Marchés ou lots réservés aux opérateurs économiques du travail pénitentiaire",
  reference = "Code de la commande publique, L2113-13-1 et L2113-14 (ordonnance n° 2022-1336 du 19 octobre 2022)",
}
