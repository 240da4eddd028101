return {
  description = "Objectifs nationaux de la commande publique responsable, auxquels la revue d'une programmation se compare",
  reference = "Plan national pour des achats durables (PNAD) 2022-2025",
}
