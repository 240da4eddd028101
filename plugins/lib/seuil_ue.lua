-- Shared by the plugins that compare a consultation with the EU threshold
-- (insertion, critere-insertion): which threshold applies to the lot, its
-- name (rule data), and whether L2112-2-1 makes a social execution condition
-- mandatory.
--
-- A defence or security contract is a kind of contract (lot.marche_defense),
-- not of buyer: its threshold is seuils.ue.defense_securite and L2312-1-1
-- keeps social considerations optional. Otherwise the buyer type picks the
-- threshold; the long list of social and other specific services
-- (services_sociaux.cpv) has its own. The buyer type `defense` is read as a
-- central authority (rule data); a warning asks whether the contract is one of
-- defence or security.
--
-- A concession (lot.concession) has the works threshold whatever its nature
-- (seuils.ue.travaux is also the concessions' one) and its own obligation,
-- L3114-2-1, with its own date and grounds of exception (M.obligation).

local M = {}

-- The obligation that applies to the lot: its article, the article that
-- leaves the clause to the buyer below it, and the rule data of its start and
-- of its grounds of exception. The same table at every call: read it, do not
-- change it.
local PUBLIC_CONTRACTS = { article = "L2112-2-1", facultative = "L2112-2",
  en_vigueur = "obligation_sociale.en_vigueur", motifs = "obligation_sociale.motifs" }
local CONCESSIONS = { article = "L3114-2-1", facultative = "L3114-2",
  en_vigueur = "obligation_sociale.en_vigueur_concessions", motifs = "obligation_sociale.motifs_concessions" }

function M.obligation(lot)
  if lot.concession then return CONCESSIONS end
  return PUBLIC_CONTRACTS
end

-- A threshold's name and the buyer's ("… des pouvoirs adjudicateurs"), joined
-- once for all calls.
local memo = include("memo")
local joined = {}
local function join(first, second)
  local by_second = memo.sub(joined, first)
  local text = by_second[second]
  if not text then
    text = first .. " " .. second
    by_second[second] = text
  end
  return text
end

local function name(ctx, key) return ctx.param("seuils.ue.noms", key) end

-- Threshold in force, and its name: "applicable aux … des …".
function M.threshold(lot, ctx)
  if lot.concession then
    return ctx.param("seuils.ue.travaux"), name(ctx, "concession")
  end
  local nature = lot.nature
  if lot.marche_defense then
    return ctx.param("seuils.ue.defense_securite", nature),
      name(ctx, nature == "travaux" and "defense_travaux" or "defense_fournitures_services")
  end
  if nature == "travaux" then
    return ctx.param("seuils.ue.travaux"), name(ctx, "travaux")
  end
  local buyer_type = lot.type_acheteur
  local buyer = name(ctx, buyer_type)
  if nature == "services" and ctx.param("services_sociaux.cpv", lot.cpv) then
    return ctx.param("seuils.ue.services_sociaux", buyer_type), join(name(ctx, "services_sociaux"), buyer)
  end
  return ctx.param("seuils.ue.fournitures_services", buyer_type), join(name(ctx, "fournitures_services"), buyer)
end

-- Whether L2112-2-1 (L3114-2-1 for a concession) applies: threshold reached,
-- obligation in force, not a defence or security contract. Also returns the
-- threshold and its name.
function M.mandatory(lot, ctx)
  local seuil, name = M.threshold(lot, ctx)
  local reached = lot.total_consultation_ht >= seuil
  local in_force = reached and ctx.param(M.obligation(lot).en_vigueur)
  return in_force and not lot.marche_defense, seuil, name, reached, in_force
end

-- The warning for a lot of the buyer type `defense` not marked as a defence
-- or security contract, or nil.
function M.buyer_warning(lot)
  if lot.type_acheteur == "defense" and lot.marche_defense == nil then
    return "Type d'acheteur « défense » : seul un marché de défense ou de sécurité (articles L1113-1 et "
      .. "L2312-1-1 du code de la commande publique) relève du régime propre à ces marchés. Indiquez-le dans "
      .. "la colonne « Marché de défense ou de sécurité » ; faute de quoi le lot est traité comme un marché "
      .. "d'une autorité publique centrale."
  end
end

-- The warning for a launch after the last day the published EU thresholds
-- cover (seuils.ue.publies_jusqu_au): the last known values apply, or nil.
local STALE = "Les seuils européens applicables après le {publies:date} ne sont pas encore publiés : les "
  .. "derniers seuils connus sont appliqués. Vérifiez les seuils en vigueur à la date de lancement "
  .. "({lancement:date})."

function M.stale_warning(ctx)
  local last = ctx.try_param("seuils.ue.publies_jusqu_au")
  if not last or ctx.date <= last then return nil end
  return { STALE, publies = last, lancement = ctx.date }
end

return M
