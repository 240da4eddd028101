-- Montant estimé en dessous duquel une clause d'insertion n'est pas proposée.
--
-- Choix de politique d'achat, pas une règle de droit : il est aligné sur les
-- seuils de dispense de procédure (CCP R2122-8), eux-mêmes vérifiés. Une
-- politique locale peut le changer (couche de règles locales).
-- Clés (nature, comme la colonne « Nature » des programmes) : travaux,
-- fournitures, services.
return {
  description = "Montant estimé minimal d'un marché pour proposer une clause d'insertion, par nature",
  unit = "EUR",
  kind = "map",
  key = "nature",
  reference = "Politique d'achat par défaut, alignée sur les seuils de dispense de procédure (CCP R2122-8)",
  values = {
    {
      from = "2016-04-01",
      value = { travaux = 25000, fournitures = 25000, services = 25000 },
      status = "hypothese",
      reference = "Aligné sur le seuil de dispense de procédure de l'époque (décret n° 2016-360 du 25 mars "
        .. "2016, art. 30, I, 8°, 25 000 €)",
      note = "Choix de politique, non imposé par les textes (voir la valeur 2024).",
    },
    {
      from = "2020-01-01",
      value = { travaux = 40000, fournitures = 40000, services = 40000 },
      status = "hypothese",
      reference = "Aligné sur CCP R2122-8 : dispense de procédure à 40 000 € pour tous les marchés "
        .. "à partir du 1er janvier 2020 (décret n° 2019-1344 du 12 décembre 2019)",
      note = "Choix de politique, non imposé par les textes (voir la valeur 2024).",
    },
    {
      from = "2020-12-09",
      value = { travaux = 100000, fournitures = 40000, services = 40000 },
      status = "hypothese",
      reference = "Aligné sur CCP R2122-8 : dispense de procédure portée à 100 000 € pour les travaux "
        .. "(seuils/dispense/travaux.lua) et 40 000 € pour les fournitures et services",
      note = "Choix de politique, non imposé par les textes (voir la valeur 2024).",
    },
    {
      from = "2024-01-01",
      value = { travaux = 100000, fournitures = 40000, services = 40000 },
      status = "hypothese",
      reference = "Aligné sur CCP R2122-8 : dispense de procédure à 100 000 € pour les travaux "
        .. "(décret n° 2022-1683, prorogé par le décret n° 2024-1217 jusqu'au 31 décembre 2025) et "
        .. "à 40 000 € pour les fournitures et services",
      note = "Choix de politique, non imposé par les textes : les seuils de dispense sont vérifiés, "
        .. "leur emploi comme montant minimal d'une clause est une hypothèse ; une politique locale "
        .. "peut les changer.",
    },
    {
      from = "2026-04-01",
      value = { travaux = 100000, fournitures = 60000, services = 60000 },
      status = "hypothese",
      reference = "Aligné sur CCP R2122-8 modifié par le décret n° 2025-1386 du 29 décembre 2025 : "
        .. "travaux 100 000 € (à titre permanent depuis le 1er janvier 2026), fournitures et services "
        .. "60 000 € à compter du 1er avril 2026",
      note = "Choix de politique, non imposé par les textes : les seuils de dispense sont vérifiés, "
        .. "leur emploi comme montant minimal d'une clause est une hypothèse ; une politique locale "
        .. "peut les changer.",
    },
  },
}
