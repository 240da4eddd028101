-- Marché ou lot réservé aux structures d'insertion par l'activité économique
-- (clause type `reserve-siae`): CCP L2113-13, R2113-7 (at least
-- 50 % of disadvantaged workers), L2113-14 (joint reservation with the EA and
-- ESAT, allowed since the loi ASAP).
--
-- The logic is shared with its twin in plugins/lib/reserve_structures.lua:
-- this file says which structures, parameters and wording.

local evaluate = include("reserve_structures")({
  params = "reserve.siae",
  other_params = "reserve.handicap",
  article = "L2113-13",
  who = "les SIAE",
  one = "une SIAE",
  present = "présentes", -- agreement of "peu présents", "réputés intervenir"
  known = "réputées",
  to = "aux SIAE",
  other_to = "aux EA et ESAT",
  other = "les EA et les ESAT",
  directory = "annuaire « le marché de l'inclusion », réseaux de l'insertion par l'activité économique",
})

return {
  id = "reserve-siae",
  api = 2,
  title = "Marché ou lot réservé aux SIAE",
  label = "Réservé SIAE",
  basis = { "CCP L2113-13", "CCP R2113-7", "CCP L2113-14" },
  order = 40,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches", "textes.contenu",
    "reserve.siae.secteurs", "reserve.siae.montant_max", "reserve.siae.part_travailleurs",
    "reserve.conjointe", "reserve.handicap.secteurs",
  },
  units = { montant_max = "EUR", part_travailleurs_minimum = "ratio" },
  evaluate = include("regime")(evaluate, { "CCP L2113-13", "CCP R2113-7", "CCP L2113-14" }),
}
