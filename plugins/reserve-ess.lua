-- Marché réservé aux entreprises de l'économie sociale et solidaire (clause
-- type `reserve-ess`): CCP L2113-15 (health, social and cultural services of
-- the short list of article 77 of directive 2014/24, `reserve.ess.cpv`, for
-- ESS enterprises with a public-service mission) and L2113-16 (three years at
-- most, no reserved contract for the same services in the last three years).
-- Open to pouvoirs adjudicateurs (also when they act as entité adjudicatrice):
-- a warning for an entité adjudicatrice and for a defence or security contract.
--
-- Reserving is the buyer's choice, never an obligation: the verdict is at most
-- `recommandee`.
--   not services, or CPV not in reserve.ess.cpv            -> exclue
--   duree_mois > reserve.ess.duree_max_mois                 -> exclue
--   duration unknown                                        -> possible
--   reserve.ess.secteurs says "adapte"                      -> recommandee
--   otherwise                                               -> possible

local defence_warning = include("reserve_defense")
local BASIS = { "CCP L2113-15", "CCP L2113-16" }
local MONTHS_PER_YEAR = 12 -- calendar, not law

-- "3 ans (36 mois)", or "30 mois": a blank's value.
local function duration(ctx, months)
  if months % MONTHS_PER_YEAR ~= 0 then return ctx.fmt.number(months) .. " mois" end
  local years = months // MONTHS_PER_YEAR
  return string.format("%s an%s (%s mois)", ctx.fmt.number(years), years > 1 and "s" or "",
    ctx.fmt.number(months))
end

local function caution(status)
  if status == "hypothese" then
    return " (repère de praticien sans source publiée)"
  elseif status == "partiel" or status == "a-verifier" then
    return " (repère à vérifier)"
  end
  return ""
end

-- The sentences (api 2): the blanks are what changes from one lot or date to
-- the next.
local NOT_LISTED = "{scope} : ce lot ({nature}, code CPV {cpv}) n'en relève pas."
local TOO_LONG = "La durée prévue, {duration}, dépasse la durée maximale de {maximum} d'un marché réservé aux "
  .. "entreprises de l'économie sociale et solidaire (article L2113-16) : pour le réserver, ramenez sa durée, "
  .. "reconductions comprises, à {at_most} au plus."
local WITHIN = "La durée prévue, {duration}, {compare} la durée maximale de {maximum} d'un marché réservé aux "
  .. "entreprises de l'économie sociale et solidaire (article L2113-16), reconductions comprises."
local UNKNOWN_DURATION = "La durée du marché n'est pas connue : un marché réservé aux entreprises de l'économie "
  .. "sociale et solidaire ne peut pas dépasser {maximum}, reconductions comprises (article L2113-16) : vérifiez "
  .. "la durée prévue avant de réserver."
local CONDITIONS = "L'article L2113-15 du code de la commande publique {article_text} ; ces entreprises ne doivent "
  .. "pas s'être vu attribuer par l'acheteur un marché réservé pour les mêmes services au cours des "
  .. "{months:number} mois précédents (article L2113-16)."
local CHOICE = "Réserver le marché est un choix de l'acheteur, jamais une obligation : indiquez dans l'avis "
  .. "d'appel public à la concurrence (AAPC) et dans les documents de la consultation que le marché est réservé en "
  .. "application de l'article L2113-15."
local SECTOR_USUAL = "Le code CPV {cpv} relève de services d'action sociale que les entreprises de l'économie "
  .. "sociale et solidaire (associations, fondations, coopératives, mutuelles) assurent couramment{note}."
local SECTOR_LISTED = "Le code CPV {cpv} relève de la liste des services qu'un marché réservé peut viser, mais pas "
  .. "des services d'action sociale où les entreprises de l'économie sociale et solidaire sont les prestataires "
  .. "habituels{note} : vérifiez l'offre locale avant de réserver."

local function not_listed_reason(lot, ctx)
  return { NOT_LISTED, scope = ctx.param("reserve.ess.champ"), nature = lot.nature, cpv = lot.cpv }
end

-- The conditions candidates must meet, and what the notice should say.
local function conditions_reasons(ctx, reasons)
  reasons[#reasons + 1] = { CONDITIONS, article_text = ctx.param("textes.contenu", "L2113-15"),
    months = ctx.param("reserve.ess.attribution_anterieure_mois") }
  reasons[#reasons + 1] = CHOICE
end

local function sector_reason(lot, found)
  return { found.value == "adapte" and SECTOR_USUAL or SECTOR_LISTED, cpv = lot.cpv, note = caution(found.status) }
end

local function evaluate(lot, ctx)
  local listed = lot.nature == "services" and ctx.param("reserve.ess.cpv", lot.cpv)
  if not listed then
    return { verdict = "exclue", reasons = { not_listed_reason(lot, ctx) }, values = { liste = false } }
  end

  local maximum = ctx.param("reserve.ess.duree_max_mois")
  local months = lot.duree_mois
  local values = { liste = true, duree_max_mois = maximum, duree_mois = months }
  if months and months > maximum then
    local at_most = duration(ctx, maximum)
    return {
      verdict = "exclue",
      reasons = { { TOO_LONG, duration = duration(ctx, months), maximum = at_most, at_most = at_most } },
      values = values,
    }
  end

  local found = ctx.lookup("reserve.ess.secteurs", lot.cpv)
  local class = found and found.value or "peu_adapte"
  values.secteur = class
  local reasons = {}
  if found then reasons[1] = sector_reason(lot, found) end
  local verdict = class == "adapte" and "recommandee" or "possible"
  if months then
    reasons[#reasons + 1] = { WITHIN, duration = duration(ctx, months),
      compare = months == maximum and "atteint sans la dépasser" or "respecte", maximum = duration(ctx, maximum) }
  else
    verdict = "possible"
    reasons[#reasons + 1] = { UNKNOWN_DURATION, maximum = duration(ctx, maximum) }
  end
  conditions_reasons(ctx, reasons)

  local warnings = {}
  if lot.type_acheteur == "entite-adjudicatrice" then
    warnings[#warnings + 1] = ctx.param("reserve.ess.acheteurs")
  end
  warnings[#warnings + 1] = defence_warning(lot)
  return { verdict = verdict, reasons = reasons, values = values, warnings = warnings }
end

return {
  id = "reserve-ess",
  api = 2,
  title = "Marché réservé aux entreprises de l'économie sociale et solidaire",
  label = "Réservé ESS",
  basis = BASIS,
  order = 50,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches", "textes.contenu",
    "reserve.ess.cpv", "reserve.ess.duree_max_mois", "reserve.ess.secteurs",
    "reserve.ess.attribution_anterieure_mois", "reserve.ess.champ", "reserve.ess.acheteurs",
  },
  units = { duree_mois = "mois", duree_max_mois = "mois" },
  evaluate = include("regime")(evaluate, BASIS),
}
