-- Un même marché (ou un même lot) peut-il être réservé à la fois aux EA et ESAT
-- (L2113-12) et aux SIAE (L2113-13) ?
--
-- Dans sa rédaction initiale, l'article L2113-14 l'interdisait : l'acheteur
-- devait choisir l'une des deux réservations. La loi ASAP (loi n° 2020-1525 du
-- 7 décembre 2020, art. 141) a inversé la règle : « Un acheteur peut réserver
-- un même marché ou un même lot d'un marché à la fois aux opérateurs
-- économiques qui répondent aux conditions de l'article L. 2113-12 et à ceux
-- qui répondent aux conditions de l'article L. 2113-13 ».
return {
  description = "Réservation conjointe d'un même marché ou lot aux EA et ESAT et aux SIAE",
  unit = "booleen",
  kind = "boolean",
  reference = "Code de la commande publique, L2113-14",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "a-verifier",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 36 (réservations distinctes aux "
        .. "entreprises adaptées et ESAT, I, et aux SIAE, II)",
      note = "Règles antérieures au code ; réservation conjointe non prévue, de mémoire : à vérifier.",
    },
    {
      from = "2019-04-01",
      value = false,
      status = "partiel",
      reference = "CCP L2113-14, rédaction initiale : un même marché ne peut être réservé à la fois aux deux "
        .. "catégories (weka.fr, 11 février 2021 ; achatpublic.info, 8 octobre 2020)",
      note = "Rédaction initiale décrite par des sources secondaires, non relue sur Légifrance.",
    },
    {
      from = "2020-12-09",
      value = true,
      status = "partiel",
      reference = "Loi n° 2020-1525 du 7 décembre 2020 (ASAP), art. 141 ; CCP L2113-14 (texte cité par "
        .. "weka.fr, 11 février 2021, et lescanaux.com, P. Loquet)",
      note = "Texte de l'article vu dans des sources secondaires ; date d'effet retenue : lendemain de la "
        .. "publication de la loi au Journal officiel du 8 décembre 2020, à vérifier sur Légifrance.",
    },
  },
}
