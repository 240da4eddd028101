-- Montant estimé au-delà duquel une activité « support » (espaces verts,
-- nettoyage, second œuvre…) n'est plus proposée comme support d'un marché
-- d'insertion. Ce n'est pas une règle de droit : la règle est celle des
-- marchés mixtes (R2123-2, marche_insertion/marche_mixte.lua), qui classe le
-- marché selon la prestation de plus grande valeur ; au-delà de ce repère, la
-- prestation support risque de porter la plus grande part de la valeur, et le
-- marché ne serait plus un marché de services de qualification et d'insertion
-- professionnelle (R2123-1 3°) mais un marché de travaux ou de services.
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
      note = "Choix de politique, non imposé par les textes : la règle est celle de la plus grande valeur "
        .. "(R2123-2) ; une politique locale peut changer ce repère.",
    },
  },
}
