-- Part des heures travaillées réservée à l'insertion.
--
-- Les clauses demandent couramment 5 à 10 % des heures travaillées ; 5 % est le
-- taux de l'exemple publié par les facilitateurs et le minimum de la charte
-- nationale d'insertion de l'ANRU pour les travaux. L'acheteur peut le changer
-- lot par lot (colonne taux_insertion du programme).
return {
  description = "Taux d'insertion : part de la main-d'œuvre du marché réservée à l'insertion",
  unit = "ratio",
  kind = "number",
  reference = "Pratique des facilitateurs de la clause sociale",
  values = {
    {
      from = "2016-04-01",
      value = 0.05,
      status = "verifie",
      reference = "weka.fr : usuellement 5 à 10 % des heures travaillées ; MEF Sud 77 "
        .. "(mefsud77.fr/?page_id=28) : exemple à 5 %",
    },
  },
}
