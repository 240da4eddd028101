-- Marché ou lot réservé aux opérateurs économiques du travail pénitentiaire
-- (clause type `reserve-penitentiaire`): CCP L2113-13-1 (ordonnance
-- n° 2022-1336), with the minimum share of detained workers the regulation
-- sets, and L2113-14's last paragraph (no joint reservation with operators
-- that do not meet its conditions).
--
-- Reserving is the buyer's choice, and the offer of prison workshops varies
-- from one establishment to the next: the verdict is at most `possible`.
--   article not in force, or no minimum share in force yet  -> exclue
--   sector (reserve.penitentiaire.secteurs) inadapte         -> exclue
--   adapte or peu_adapte                                     -> possible

local BASIS = { "CCP L2113-13-1", "CCP L2113-14" }
local defence_warning = include("reserve_defense")

-- The sentences (api 2): the blanks are what changes from one lot or date to
-- the next.
local SECTORS = {
  adapte = "Le code CPV {cpv} relève d'une activité courante des ateliers de production en établissement "
    .. "pénitentiaire{note}.",
  peu_adapte = "Le code CPV {cpv} relève d'une activité que seuls quelques établissements pénitentiaires "
    .. "proposent{note}.",
  inadapte = "Le code CPV {cpv} relève d'une activité qui ne peut en général pas être exécutée en détention, "
    .. "par des personnes détenues{note}.",
}
local NOT_IN_FORCE = "La réservation aux opérateurs du travail pénitentiaire (article L2113-13-1 du code de la "
  .. "commande publique) n'existe pas au {date:date} ({reference})."
local NO_SHARE = "Au {date:date}, la proportion minimale de personnes détenues à laquelle l'article L2113-13-1 "
  .. "subordonne la réservation n'est pas encore fixée : la réservation ne peut pas encore être utilisée."
local SET_ASIDE = "L'article L2113-13-1 ne limite pas les secteurs, mais le marché réservé doit être exécuté dans "
  .. "l'établissement pénitentiaire : la réservation est écartée."
local SHARE = "L'article L2113-13-1 du code de la commande publique {article_text} ; la proportion minimale est "
  .. "de {share:percent}{note}."
local CHOICE = "Réserver le marché ou le lot est un choix de l'acheteur, jamais une obligation : vérifiez avec "
  .. "l'administration pénitentiaire de la région qu'un atelier peut exécuter le marché, dans les délais et les "
  .. "volumes prévus, avant de réserver."
local JOINT = "{joint_text}."
local NOTICE = "L'avis d'appel public à la concurrence (AAPC) et les documents de la consultation (DCE) doivent "
  .. "indiquer que le marché ou le lot est réservé, en citant l'article L2113-13-1."

local function caution(status)
  if status == "hypothese" then return " (repère sans source publiée, à confirmer localement)" end
  if status ~= "verifie" then return " (repère à vérifier)" end
  return ""
end

local function evaluate(lot, ctx)
  -- Before the rule data start, ctx.param says so, as for the other parameters.
  local open = ctx.lookup("reserve.penitentiaire.en_vigueur") or ctx.param("reserve.penitentiaire.en_vigueur")
  if not open.value then
    return { verdict = "exclue", reasons = { { NOT_IN_FORCE, date = ctx.date, reference = open.reference } } }
  end
  local share = ctx.try_param("reserve.penitentiaire.part_detenus")
  if not share then
    return { verdict = "exclue", reasons = { { NO_SHARE, date = ctx.date } } }
  end

  local found = ctx.lookup("reserve.penitentiaire.secteurs", lot.cpv)
  if not found then
    error(string.format("reserve.penitentiaire.secteurs : aucune valeur pour le code CPV %s (ajoutez une valeur "
      .. "par défaut, de clé vide)", lot.cpv))
  end
  local say = SECTORS[found.value]
  if not say then
    error(string.format("reserve.penitentiaire.secteurs : valeur « %s » inconnue pour le code CPV %s (attendu : "
      .. "adapte, peu_adapte ou inadapte)", tostring(found.value), lot.cpv))
  end
  local reasons = { { say, cpv = lot.cpv, note = caution(found.status) } }
  local values = { secteur = found.value, part_detenus_minimum = share }
  if found.value == "inadapte" then
    reasons[2] = SET_ASIDE
    return { verdict = "exclue", reasons = reasons, values = values }
  end

  reasons[2] = { SHARE, article_text = ctx.param("textes.contenu", "L2113-13-1"), share = share,
    note = caution(ctx.lookup("reserve.penitentiaire.part_detenus").status) }
  reasons[3] = CHOICE
  reasons[4] = { JOINT, joint_text = ctx.param("reserve.penitentiaire.conjointe") }
  reasons[5] = NOTICE
  return { verdict = "possible", reasons = reasons, values = values,
    warnings = { defence_warning(lot) } }
end

return {
  id = "reserve-penitentiaire",
  api = 2,
  title = "Marché ou lot réservé aux opérateurs du travail pénitentiaire",
  label = "Réservé pénit.",
  basis = BASIS,
  order = 45,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches", "textes.contenu",
    "reserve.penitentiaire.en_vigueur", "reserve.penitentiaire.part_detenus", "reserve.penitentiaire.conjointe",
    "reserve.penitentiaire.secteurs",
  },
  units = { part_detenus_minimum = "ratio" },
  evaluate = include("regime")(evaluate, BASIS),
}
