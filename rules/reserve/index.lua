return {
  description = "Marchés réservés : aux EA et ESAT, aux SIAE, aux opérateurs du travail pénitentiaire, aux "
    .. "entreprises de l'économie sociale et solidaire",
  reference = "Code de la commande publique, L2113-12 à L2113-16 (dont L2113-13-1), R2113-7",
}
