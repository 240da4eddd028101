return {
  description = "Services sociaux et autres services spécifiques (liste longue de l'annexe XIV de la "
    .. "directive 2014/24/UE) : seuil européen propre et procédure adaptée",
  reference = "Code de la commande publique, R2123-1 3° et avis annexé ; directive 2014/24/UE, art. 74",
}
