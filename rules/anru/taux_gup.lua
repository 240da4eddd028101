-- Part des heures travaillées réservée à l'insertion des habitants des
-- quartiers prioritaires sur les marchés de gestion urbaine de proximité (GUP)
-- des opérations financées par l'ANRU (charte nationale d'insertion du NPNRU).
--
-- La charte couvre le programme 2014-2024 ; aucune prorogation n'a été
-- trouvée. La valeur reste appliquée après 2024, avec le statut « a-verifier ».
return {
  description = "Taux d'heures d'insertion de la charte ANRU sur les marchés de gestion urbaine de proximité",
  unit = "ratio",
  kind = "number",
  reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024)",
  values = {
    {
      from = "2015-03-24",
      value = 0.10,
      status = "verifie",
      reference = "Charte nationale d'insertion de l'ANRU, conseil d'administration du 24 mars 2015 : au "
        .. "moins 10 % des heures travaillées sur les marchés de gestion urbaine de proximité "
        .. "(ash.tm.fr, lemoniteur.fr, cap-metiers)",
    },
    {
      from = "2025-01-01",
      value = 0.10,
      status = "a-verifier",
      reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024), maintenue faute de texte "
        .. "trouvé après 2024",
      note = "La charte couvre 2014-2024 et aucune prorogation n'a été trouvée : taux maintenu par "
        .. "prudence, à vérifier auprès de l'ANRU ou dans la convention de renouvellement urbain.",
    },
  },
}
