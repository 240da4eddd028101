-- Codes CPV où s'applique la méthode de calcul avec reprise du personnel.
--
-- Dans la propreté, l'entreprise entrante reprend le personnel affecté au
-- marché (reprise du personnel) : la méthode publiée du PACT Propreté
-- (Inserpropre) calcule alors les heures d'insertion sur la seule part du
-- marché qui n'est pas couverte par ce personnel :
--   P = 1 − S × C ÷ (A ÷ N)        heures = P × A ÷ C × T
-- S : heures mensuelles du personnel repris (colonne « Heures mensuelles du
-- personnel repris », clé reprise_heures_mois) ; C : coût horaire ÷ part de
-- main-d'œuvre (20 € ÷ 80 % = 25 € de chiffre d'affaires par heure) ;
-- A : montant ; N : durée en mois ; T : taux d'insertion.
-- Hors de ces codes, la colonne est ignorée (avec un avertissement).
return {
  description = "Codes CPV où les heures d'insertion se calculent hors personnel repris (méthode PACT Propreté)",
  unit = "code",
  kind = "cpv_list",
  reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353)",
  values = {
    {
      from = "2016-04-01",
      value = {
        "909", -- 90900000 services de nettoyage et d'hygiénisation (90910000 nettoyage, 90919000…)
      },
      status = "partiel",
      reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353) : méthode de calcul avec reprise du "
        .. "personnel, publiée pour la propreté",
      note = "Méthode de la filière propreté (nettoyage) ; les codes CPV qu'elle couvre sont un choix de "
        .. "rattachement, et la date de publication de la méthode n'est pas connue.",
    },
  },
}
