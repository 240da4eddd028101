-- Montant estimé au-delà duquel une activité « support » (espaces verts,
-- nettoyage, second œuvre…) n'est plus proposée comme support d'un marché
-- d'insertion : l'activité deviendrait l'objet principal du marché, et le
-- choix de la procédure de l'article R2123-1 3° serait exposé à une
-- requalification.
--
-- Clés (nature, comme la colonne « Nature » des programmes) : travaux,
-- services. Les fournitures ne peuvent pas servir de support.
return {
  description = "Montant maximal d'un lot pour proposer une activité comme support d'un marché d'insertion",
  unit = "EUR",
  kind = "map",
  key = "nature",
  reference = "Politique d'achat par défaut",
  values = {
    {
      from = "2016-04-01",
      value = { travaux = 200000, services = 400000 },
      status = "hypothese",
      reference = "Aucune source publiée : point de départ de praticien, à calibrer avec les facilitateurs "
        .. "et les structures d'insertion du territoire",
      note = "Choix de politique, non imposé par les textes : une politique locale peut le changer.",
    },
  },
}
