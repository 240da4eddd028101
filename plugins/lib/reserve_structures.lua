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
  local JOINT_ARTICLE = "CCP L2113-14"

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

  local SECTORS = {
    adapte = function(lot, prefix, note)
      return string.format("Le code CPV %s relève d'un secteur où %s interviennent couramment%s.", lot.cpv, R.who,
        note)
    end,
    peu_adapte = function(lot, prefix, note)
      return string.format("Le code CPV %s relève d'un secteur où %s sont peu %s%s : la réservation n'y "
        .. "est réaliste que si un sourcing local (%s) montre que plusieurs structures peuvent exécuter le "
        .. "marché.", lot.cpv, R.who, R.present, note, R.directory)
    end,
    inadapte = function(lot, prefix, note)
      if not prefix or prefix == "" then
        return string.format("Le code CPV %s ne relève d'aucun des secteurs où %s sont %s intervenir%s.",
          lot.cpv, R.who, R.known, note)
      end
      return string.format("Le code CPV %s relève d'un secteur (préfixe %s) que %s ne peuvent en général pas "
        .. "prendre en charge, comme des travaux lourds ou une prestation très spécialisée%s.", lot.cpv, prefix,
        R.who, note)
    end,
  }

  -- The sector class of the lot's CPV code, and the reason that says it.
  local function sector(lot, ctx)
    local name = R.params .. ".secteurs"
    local found = ctx.lookup(name, lot.cpv)
    if not found then
      error(string.format("%s : aucune valeur pour le code CPV %s (ajoutez une valeur par défaut, de clé vide)",
        name, lot.cpv))
    end
    local say = SECTORS[found.value]
    if not say then
      error(string.format("%s : valeur « %s » inconnue pour le code CPV %s (attendu : adapte, peu_adapte ou "
        .. "inadapte)", name, tostring(found.value), lot.cpv))
    end
    return found.value, say(lot, found.key, caution(found.status))
  end

  local function size_reason(lot, ctx, maximum, status)
    if lot.montant_ht <= maximum then
      return string.format("Le montant du lot (%s) ne dépasse pas %s, taille qu'%s peut en général prendre en "
        .. "charge%s.", ctx.fmt.euros(lot.montant_ht), ctx.fmt.euros(maximum), R.one,
        caution(status, SIZE_HYPOTHESIS))
    end
    return string.format("Le montant du lot (%s) dépasse %s, taille au-delà de laquelle peu de structures "
      .. "peuvent prendre le lot seules%s : vérifiez leur capacité, ou préférez un allotissement plus fin, une "
      .. "réservation conjointe ou une clause d'insertion.", ctx.fmt.euros(lot.montant_ht), ctx.fmt.euros(maximum),
      caution(status, SIZE_HYPOTHESIS))
  end

  local function legal_reasons(ctx, reasons, share)
    reasons[#reasons + 1] = string.format("Réserver le marché ou le lot est un choix de l'acheteur, jamais une "
      .. "obligation : l'article %s du code de la commande publique %s ; l'article R2113-7 %s : %s.",
      R.article, ctx.param("textes.contenu", R.article), ctx.param("textes.contenu", "R2113-7"),
      ctx.fmt.percent(share))
    reasons[#reasons + 1] = string.format("L'avis d'appel public à la concurrence (AAPC) et les documents de la "
      .. "consultation (DCE) doivent indiquer que le marché ou le lot est réservé, en citant l'article %s.",
      R.article)
  end

  -- Joint reservation (L2113-14): whether it is allowed on this date, and a
  -- reason when it is worth saying (forbidden, or the other category also works
  -- in the lot's sector).
  local function joint_reason(lot, ctx)
    local joint = ctx.lookup("reserve.conjointe")
    if not joint then return nil, false end
    if not joint.value then
      return string.format("À cette date, l'article L2113-14 ne permet pas de réserver un même marché à la fois "
        .. "%s et %s : il faut choisir l'une des deux réservations.", R.to, R.other_to), false
    end
    local other = ctx.try_param(R.other_params .. ".secteurs", lot.cpv)
    if other ~= "adapte" and other ~= "peu_adapte" then return nil, true end
    local others = R.other:gsub("^%l", string.upper)
    return string.format("%s interviennent aussi dans ce secteur : depuis le %s, le marché ou le lot peut être "
      .. "réservé à la fois %s et %s (article L2113-14), ce qui élargit la concurrence.", others,
      ctx.fmt.date(joint.from), R.to, R.other_to), true
  end

  local defence_warning = include("reserve_defense")

  local function evaluate(lot, ctx)
    local class, sector_reason = sector(lot, ctx)
    local reasons = { sector_reason }
    local values = { secteur = class }
    local basis = { table.unpack(BASIS) }

    if class == "inadapte" then
      reasons[#reasons + 1] = string.format("L'article %s ne limite pas les secteurs, mais sans structure capable "
        .. "d'exécuter le marché la consultation risquerait d'être infructueuse : la réservation est écartée. Si "
        .. "un sourcing local montre le contraire, les règles locales peuvent classer ce secteur autrement ; une "
        .. "clause d'insertion, qui permet la sous-traitance à ces structures, reste possible.", R.article)
      return { verdict = "exclue", reasons = reasons, values = values, basis = basis,
        warnings = { defence_warning(lot) } }
    end

    local maximum = ctx.param(R.params .. ".montant_max")
    local share = ctx.param(R.params .. ".part_travailleurs")
    reasons[#reasons + 1] = size_reason(lot, ctx, maximum, ctx.lookup(R.params .. ".montant_max").status)
    legal_reasons(ctx, reasons, share)
    local joint, allowed = joint_reason(lot, ctx)
    if joint then
      reasons[#reasons + 1] = joint
      basis[#basis + 1] = JOINT_ARTICLE
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
