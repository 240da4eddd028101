-- Part des heures travaillées réservée à l'insertion des habitants des
-- quartiers prioritaires sur les travaux financés par l'ANRU et l'ingénierie
-- nécessaire à ces travaux (charte nationale d'insertion du NPNRU).
--
-- La charte couvre le programme 2014-2024 ; aucune prorogation n'a été
-- trouvée. La valeur reste appliquée après 2024, avec le statut « a-verifier » :
-- le plugin anru le signale à l'acheteur.
return {
  description = "Taux d'heures d'insertion de la charte ANRU sur les travaux et leur ingénierie",
  unit = "ratio",
  kind = "number",
  reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024)",
  values = {
    {
      from = "2015-03-24",
      value = 0.05,
      status = "verifie",
      reference = "Charte nationale d'insertion de l'ANRU, conseil d'administration du 24 mars 2015 : au "
        .. "moins 5 % des heures travaillées sur les travaux et l'ingénierie nécessaire aux travaux "
        .. "(ash.tm.fr, lemoniteur.fr, cap-metiers)",
    },
    {
      from = "2025-01-01",
      value = 0.05,
      status = "a-verifier",
      reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024), maintenue faute de texte "
        .. "trouvé après 2024",
      note = "La charte couvre 2014-2024 et aucune prorogation n'a été trouvée : taux maintenu par "
        .. "prudence, à vérifier auprès de l'ANRU ou dans la convention de renouvellement urbain.",
    },
  },
}
