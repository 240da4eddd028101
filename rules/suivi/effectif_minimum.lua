-- En dessous de cet effectif, un décompte de participants n'est pas montré à
-- l'acheteur (ni dans les consolidations qui lui sont destinées) : il serait
-- trop facile d'y reconnaître une personne.
return {
  description = "Effectif au-dessous duquel un décompte de participants est masqué pour l'acheteur",
  unit = "nombre",
  kind = "number",
  values = {
    {
      from = "2021-04-01",
      value = 5,
      status = "hypothese",
      reference = "Aucune source publiée : règle de secret statistique de praticien",
    },
  },
}
