-- Shared by plugins/reserve-handicap.lua and plugins/reserve-siae.lua: the
-- reservation of a contract or lot to one category of structures (EA and
-- ESAT, L2113-12; SIAE, L2113-13), with R2113-7's minimum share of workers and
-- L2113-14's joint reservation with the other category.
--
-- Reserving is the buyer's choice, never an obligation: the verdict is at most
-- `recommandee`. It follows the sector of the lot's CPV code, as the rule data
-- classes it (<params>.secteurs: adapte, peu_adapte, inadapte), and the lot's
-- size (<params>.montant_max, a practitioner's figure):
--   inadapte                          -> exclue
--   adapte and lot <= montant_max     -> recommandee
--   otherwise                         -> possible
--
-- Returns a function that takes the category's description R (its parameters
-- and wording, see the two plugins) and returns its evaluate(lot, ctx).

return function(R)

  local BASIS = { "CCP " .. R.article, "CCP R2113-7" }
  local JOINT_BASIS = { "CCP " .. R.article, "CCP R2113-7", "CCP L2113-14" }

  -- The names of the category's parameters.
  local SECTORS_PARAM = R.params .. ".secteurs"
  local MAXIMUM_PARAM = R.params .. ".montant_max"
  local SHARE_PARAM = R.params .. ".part_travailleurs"
  local OTHER_SECTORS_PARAM = R.other_params .. ".secteurs"

  local SECTOR_HYPOTHESIS = "repère de praticien sans source publiée, à confirmer par un sourcing local"
  local SIZE_HYPOTHESIS = "repère de praticien, à calibrer localement"

  -- How sure the rule data is, in words, after a sector or size statement.
  local function caution(status, hypothesis)
    if status == "hypothese" then
      return " (" .. (hypothesis or SECTOR_HYPOTHESIS) .. ")"
    elseif status == "partiel" or status == "a-verifier" then
      return " (repère à vérifier)"
    end
    return ""
  end

  -- The sentences (api 2), made once with the category's wording: the
  -- blanks are what changes from one lot or date to the next.
  local SAY_SECTOR = {
    adapte = string.format("Le code CPV {cpv} relève d'un secteur où %s interviennent couramment{note}.", R.who),
    peu_adapte = string.format("Le code CPV {cpv} relève d'un secteur où %s sont peu %s{note} : la réservation "
      .. "n'y est réaliste que si un sourcing local (%s) montre que plusieurs structures peuvent exécuter le "
      .. "marché.", R.who, R.present, R.directory),
    inadapte = string.format("Le code CPV {cpv} relève d'un secteur (préfixe {prefix}) que %s ne peuvent en "
      .. "général pas prendre en charge, comme des travaux lourds ou une prestation très spécialisée{note}.",
      R.who),
  }
  local SAY_NO_SECTOR = string.format("Le code CPV {cpv} ne relève d'aucun des secteurs où %s sont %s "
    .. "intervenir{note}.", R.who, R.known)
  local SAY_SMALL = string.format("Le montant du lot ({amount:euros}) ne dépasse pas {maximum:euros}, taille "
    .. "qu'%s peut en général prendre en charge{note}.", R.one)
  local SAY_LARGE = "Le montant du lot ({amount:euros}) dépasse {maximum:euros}, taille au-delà de laquelle peu "
    .. "de structures peuvent prendre le lot seules{note} : vérifiez leur capacité, ou préférez un allotissement "
    .. "plus fin, une réservation conjointe ou une clause d'insertion."
  local SAY_CHOICE = string.format("Réserver le marché ou le lot est un choix de l'acheteur, jamais une "
    .. "obligation : l'article %s du code de la commande publique {article_text} ; l'article R2113-7 "
    .. "{share_text} : {share:percent}.", R.article)
  local NOTICE = string.format("L'avis d'appel public à la concurrence (AAPC) et les documents de la "
    .. "consultation (DCE) doivent indiquer que le marché ou le lot est réservé, en citant l'article %s.",
    R.article)
  local NO_JOINT = string.format("À cette date, l'article L2113-14 ne permet pas de réserver un même marché à la "
    .. "fois %s et %s : il faut choisir l'une des deux réservations.", R.to, R.other_to)
  local SAY_JOINT = string.format("%s interviennent aussi dans ce secteur : depuis le {since:date}, le marché ou "
    .. "le lot peut être réservé à la fois %s et %s (article L2113-14), ce qui élargit la concurrence.",
    (R.other:gsub("^%l", string.upper)), R.to, R.other_to)
  local SET_ASIDE = string.format("L'article %s ne limite pas les secteurs, mais sans structure capable "
    .. "d'exécuter le marché la consultation risquerait d'être infructueuse : la réservation est écartée. Si "
    .. "un sourcing local montre le contraire, les règles locales peuvent classer ce secteur autrement ; une "
    .. "clause d'insertion, qui permet la sous-traitance à ces structures, reste possible.", R.article)

  -- The sector class of the lot's CPV code, and the reason that says it.
  local function sector(lot, ctx)
    local found = ctx.lookup(SECTORS_PARAM, lot.cpv)
    if not found then
      error(string.format("%s : aucune valeur pour le code CPV %s (ajoutez une valeur par défaut, de clé vide)",
        SECTORS_PARAM, lot.cpv))
    end
    local pattern = SAY_SECTOR[found.value]
    if not pattern then
      error(string.format("%s : valeur « %s » inconnue pour le code CPV %s (attendu : adapte, peu_adapte ou "
        .. "inadapte)", SECTORS_PARAM, tostring(found.value), lot.cpv))
    end
    local note = caution(found.status)
    if found.value ~= "inadapte" then return found.value, { pattern, cpv = lot.cpv, note = note } end
    if not found.key or found.key == "" then return found.value, { SAY_NO_SECTOR, cpv = lot.cpv, note = note } end
    return found.value, { pattern, cpv = lot.cpv, prefix = found.key, note = note }
  end

  local function size_reason(lot, maximum, status)
    return { lot.montant_ht <= maximum and SAY_SMALL or SAY_LARGE, amount = lot.montant_ht, maximum = maximum,
      note = caution(status, SIZE_HYPOTHESIS) }
  end

  local function legal_reasons(ctx, reasons, share)
    reasons[#reasons + 1] = { SAY_CHOICE, article_text = ctx.param("textes.contenu", R.article),
      share_text = ctx.param("textes.contenu", "R2113-7"), share = share }
    reasons[#reasons + 1] = NOTICE
  end

  -- Joint reservation (L2113-14): whether it is allowed on this date, and a
  -- reason when it is worth saying (forbidden, or the other category also works
  -- in the lot's sector).
  local function joint_reason(lot, ctx)
    local joint = ctx.lookup("reserve.conjointe")
    if not joint then return nil, false end
    if not joint.value then return NO_JOINT, false end
    local other = ctx.try_param(OTHER_SECTORS_PARAM, lot.cpv)
    if other ~= "adapte" and other ~= "peu_adapte" then return nil, true end
    return { SAY_JOINT, since = joint.from }, true
  end

  local defence_warning = include("reserve_defense")

  local function evaluate(lot, ctx)
    local class, sector_reason = sector(lot, ctx)
    local reasons = { sector_reason }
    local values = { secteur = class }

    if class == "inadapte" then
      reasons[2] = SET_ASIDE
      return { verdict = "exclue", reasons = reasons, values = values, basis = BASIS,
        warnings = { defence_warning(lot) } }
    end

    local maximum = ctx.param(MAXIMUM_PARAM)
    local share = ctx.param(SHARE_PARAM)
    reasons[2] = size_reason(lot, maximum, ctx.lookup(MAXIMUM_PARAM).status)
    legal_reasons(ctx, reasons, share)
    local joint, allowed = joint_reason(lot, ctx)
    local basis = BASIS
    if joint then
      reasons[#reasons + 1] = joint
      basis = JOINT_BASIS
    end
    values.montant_max = maximum
    values.part_travailleurs_minimum = share
    values.reservation_conjointe = allowed

    local verdict = "possible"
    if class == "adapte" and lot.montant_ht <= maximum then verdict = "recommandee" end
    return { verdict = verdict, reasons = reasons, values = values, basis = basis,
      warnings = { defence_warning(lot) } }
  end

  return evaluate

end
