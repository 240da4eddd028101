-- Marché ou lot réservé aux entreprises adaptées et aux ESAT (clause
-- type `reserve-handicap`): CCP L2113-12, R2113-7 (at least 50 % of
-- disabled workers), L2113-14 (joint reservation with the SIAE).
--
-- The logic is shared with its twin in plugins/lib/reserve_structures.lua:
-- this file says which structures, parameters and wording.

local evaluate = include("reserve_structures")({
  params = "reserve.handicap",
  other_params = "reserve.siae",
  article = "L2113-12",
  who = "les EA et les ESAT",
  one = "une EA ou un ESAT",
  present = "présents", -- agreement of "peu présents", "réputés intervenir"
  known = "réputés",
  to = "aux EA et ESAT",
  other_to = "aux SIAE",
  other = "les SIAE",
  directory = "réseau Gesat, annuaire « le marché de l'inclusion »",
})

return {
  id = "reserve-handicap",
  api = 2,
  title = "Marché ou lot réservé aux EA et ESAT",
  label = "Réservé EA-ESAT",
  basis = { "CCP L2113-12", "CCP R2113-7", "CCP L2113-14" },
  order = 30,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches", "textes.contenu",
    "reserve.handicap.secteurs", "reserve.handicap.montant_max", "reserve.handicap.part_travailleurs",
    "reserve.conjointe", "reserve.siae.secteurs",
  },
  units = { montant_max = "EUR", part_travailleurs_minimum = "ratio" },
  evaluate = include("regime")(evaluate, { "CCP L2113-12", "CCP R2113-7" }),
}
