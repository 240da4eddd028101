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

local SECTORS = {
  adapte = "Le code CPV %s relève d'une activité courante des ateliers de production en établissement "
    .. "pénitentiaire%s.",
  peu_adapte = "Le code CPV %s relève d'une activité que seuls quelques établissements pénitentiaires "
    .. "proposent%s.",
  inadapte = "Le code CPV %s relève d'une activité qui ne peut en général pas être exécutée en détention, par "
    .. "des personnes détenues%s.",
}

local function caution(status)
  if status == "hypothese" then return " (repère sans source publiée, à confirmer localement)" end
  if status ~= "verifie" then return " (repère à vérifier)" end
  return ""
end

local function evaluate(lot, ctx)
  local open = ctx.lookup("reserve.penitentiaire.en_vigueur")
  if not open.value then
    return { verdict = "exclue", reasons = { string.format("La réservation aux opérateurs du travail "
      .. "pénitentiaire (article L2113-13-1 du code de la commande publique) n'existe pas au %s (%s).",
      ctx.fmt.date(ctx.date), open.reference) } }
  end
  local share = ctx.try_param("reserve.penitentiaire.part_detenus")
  if not share then
    return { verdict = "exclue", reasons = { string.format("Au %s, la proportion minimale de personnes détenues "
      .. "à laquelle l'article L2113-13-1 subordonne la réservation n'est pas encore fixée : la réservation ne "
      .. "peut pas encore être utilisée.", ctx.fmt.date(ctx.date)) } }
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
  local reasons = { string.format(say, lot.cpv, caution(found.status)) }
  local values = { secteur = found.value, part_detenus_minimum = share }
  if found.value == "inadapte" then
    reasons[#reasons + 1] = "L'article L2113-13-1 ne limite pas les secteurs, mais le marché réservé doit être "
      .. "exécuté dans l'établissement pénitentiaire : la réservation est écartée."
    return { verdict = "exclue", reasons = reasons, values = values }
  end

  reasons[#reasons + 1] = string.format("L'article L2113-13-1 du code de la commande publique %s ; la proportion "
    .. "minimale est de %s%s.", ctx.param("textes.contenu", "L2113-13-1"), ctx.fmt.percent(share),
    caution(ctx.lookup("reserve.penitentiaire.part_detenus").status))
  reasons[#reasons + 1] = "Réserver le marché ou le lot est un choix de l'acheteur, jamais une obligation : "
    .. "vérifiez avec l'administration pénitentiaire de la région qu'un atelier peut exécuter le marché, dans "
    .. "les délais et les volumes prévus, avant de réserver."
  reasons[#reasons + 1] = ctx.param("reserve.penitentiaire.conjointe") .. "."
  reasons[#reasons + 1] = "L'avis d'appel public à la concurrence (AAPC) et les documents de la consultation "
    .. "(DCE) doivent indiquer que le marché ou le lot est réservé, en citant l'article L2113-13-1."
  return { verdict = "possible", reasons = reasons, values = values,
    warnings = { defence_warning(lot) } }
end

return {
  id = "reserve-penitentiaire",
  api = 1,
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
