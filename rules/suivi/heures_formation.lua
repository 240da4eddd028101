-- Les heures de formation (colonne « Heures de formation » de l'état mensuel)
-- comptent-elles comme heures d'insertion réalisées ? Aucun texte ne le dit :
-- choix de praticien, à confirmer avec le facilitateur.
return {
  description = "Les heures de formation des participants comptent dans les heures d'insertion réalisées",
  unit = "booleen",
  kind = "boolean",
  values = {
    {
      from = "2021-04-01",
      value = true,
      status = "hypothese",
      reference = "Aucune source publiée : choix de praticien, à confirmer par le facilitateur",
      note = "Les heures de formation restent toujours affichées à part.",
    },
  },
}
