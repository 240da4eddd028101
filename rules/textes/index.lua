return {
  description = "Textes de l'époque : articles applicables avant le code de la commande publique",
  reference = "Ordonnance n° 2015-899 du 23 juillet 2015 ; décret n° 2016-360 du 25 mars 2016",
}
