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
  structures = "les entreprises adaptées (EA, article L5213-13 du code du travail), les établissements et "
    .. "services d'aide par le travail (ESAT, article L344-2 du code de l'action sociale et des familles) "
    .. "et les structures équivalentes",
  workers = "travailleurs handicapés qui, en raison de la nature ou de la gravité de leurs déficiences, ne "
    .. "peuvent exercer une activité professionnelle dans des conditions normales",
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
  api = 1,
  title = "Marché ou lot réservé aux EA et ESAT",
  basis = { "CCP L2113-12", "CCP R2113-7", "CCP L2113-14" },
  order = 30,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches",
    "reserve.handicap.secteurs", "reserve.handicap.montant_max", "reserve.handicap.part_travailleurs",
    "reserve.conjointe", "reserve.siae.secteurs",
  },
  units = { montant_max = "EUR", part_travailleurs_minimum = "ratio" },
  evaluate = include("regime")(evaluate, { "CCP L2113-12", "CCP R2113-7" }),
}
