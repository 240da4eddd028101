-- Clause d'insertion, condition d'exécution (clause type
-- `insertion`): CCP L2112-2, and, from the date the rules give, the obligation
-- of L2112-2-1 for consultations at or above the EU thresholds; for a
-- concession (lot.concession), L3114-2 and L3114-2-1 at or above the
-- concessions' threshold, with its own date and grounds (lib/seuil_ue).
--
-- Every number with legal meaning (thresholds, dates, rates, shares, costs,
-- local minimums) comes from ctx: the rule parameters in force on the lot's
-- date, or the lot's own overrides. Hours per lot:
--   montant_ht × part de main-d'œuvre × taux d'insertion ÷ coût horaire,
-- rounded as `heures.arrondi` says. Thresholds are tested on the whole
-- consultation (lot.total_consultation_ht), hours on the lot.
--
-- Cleaning with staff transfer (lot.reprise_heures_mois, CPV in
-- heures.reprise.cpv): the hours follow the published PACT Propreté method,
-- on the part not covered by the transferred staff (P = 1 − S × C ÷ (A ÷ N),
-- C = hourly cost ÷ labour share), and under heures.reprise.heures_minimum the
-- method proposes no clause, unless L2112-2-1 makes it mandatory.
--
-- Verdict:
--   consultation >= EU threshold (lib/seuil_ue), obligation in force, not a
--   defence or security contract (lot.marche_defense)      -> obligatoire
--   otherwise the local policy (politique.*): exclue below its minimum amount
--   or hours, recommandee from its labour share, possible otherwise.
-- Below the national dispense threshold (R2122-8: no publicity nor competition
-- required) a reason says so; it informs, and does not change the verdict.

local seuil_ue = include("seuil_ue")
local politique = include("politique")

local BASIS = { "CCP L2112-2", "CCP L2112-2-1" }
local DEFENCE_BASIS = { "CCP L2112-2", "CCP L2112-2-1", "CCP L2312-1-1" }
-- The exception grounds of L2112-2-1, by their ids in obligation_sociale.motifs
-- (the rule data holds their wording, article and status); a concession's
-- rule data (obligation_sociale.motifs_concessions) has the first two only.
local GROUNDS = { "lien-insuffisant", "concurrence-execution", "solution-disponible" }

-- `basis` and the dispense article, in a new list.
local function with_dispense(basis)
  local out = { table.unpack(basis) }
  out[#out + 1] = "CCP R2122-8"
  return out
end

local ROUNDING = {
  inferieur = "arrondi à l'inférieur",
  superieur = "arrondi au supérieur",
  plus_proche = "arrondi au plus proche",
}

-- Labour share (nil when unknown for this CPV), insertion rate and hourly
-- cost: the lot's own values first.
local function hours_inputs(lot, ctx)
  local share = ctx.override("part_main_oeuvre") or ctx.try_param("main_oeuvre.part", lot.cpv)
  local rate = ctx.override("taux_insertion") or ctx.param("heures.taux_insertion")
  local cost = ctx.override("cout_horaire") or ctx.param("heures.cout_horaire", lot.cpv)
  return share, rate, cost
end

-- Rounded hours, unrounded hours, and how they were computed, in words.
local function compute_hours(lot, ctx, share, rate, cost)
  local raw = lot.montant_ht * share * rate / cost
  local mode = ctx.param("heures.arrondi")
  local hours = ctx.round(raw, mode)
  local how = string.format("%s (%s × %s de main-d'œuvre × %s d'insertion ÷ %s/h = %s heures, %s)",
    ctx.fmt.hours(hours), ctx.fmt.euros(lot.montant_ht), ctx.fmt.percent(share), ctx.fmt.percent(rate),
    ctx.fmt.euros(cost), ctx.fmt.number(raw), ROUNDING[mode])
  return hours, raw, how
end

-- Whether the staff-transfer method applies to the lot: transferred hours
-- given and the CPV in its scope. Returns the warning when the column is set
-- but the method cannot apply.
local function transfer_applies(lot, ctx)
  local s = lot.reprise_heures_mois
  if s == nil then return false end
  local scope = ctx.lookup("heures.reprise.cpv", lot.cpv)
  if not scope then return false end
  local source = scope.reference
  if not scope.value then
    return false, string.format("Des heures de personnel repris sont indiquées, mais la méthode de calcul avec "
      .. "reprise du personnel (%s) n'est retenue par les règles que pour la propreté : les heures sont "
      .. "calculées sans en tenir compte (code CPV %s).", source, lot.cpv)
  end
  if not lot.duree_mois or lot.duree_mois <= 0 then
    return false, string.format("Des heures de personnel repris sont indiquées, mais la durée du marché (en "
      .. "mois) n'est pas connue : la méthode de calcul avec reprise du personnel (%s) en a besoin ; les heures "
      .. "sont calculées sans reprise. Indiquez la durée pour les calculer sur la part non reprise.", source)
  end
  return true
end

-- The PACT Propreté method with staff transfer: P = 1 − S × C ÷ (A ÷ N),
-- hours = P × A ÷ C × T, C = hourly cost ÷ labour share. Returns rounded
-- hours, unrounded hours, P, and the computation in words.
local function transfer_hours(lot, ctx, share, rate, cost)
  local s, n, a = lot.reprise_heures_mois, lot.duree_mois, lot.montant_ht
  local c = cost / share
  local p = 1 - s * c / (a / n)
  local raw = p > 0 and p * a / c * rate or 0
  local mode = ctx.param("heures.arrondi")
  local hours = ctx.round(raw, mode)
  local how = string.format("%s, calculées sur la part du marché non couverte par le personnel repris selon la "
    .. "méthode publiée de la filière propreté (%s) : C = %s/h ÷ %s de main-d'œuvre = %s ; part non reprise "
    .. "P = 1 − %s h/mois × %s ÷ (%s ÷ %s mois) = %s ; heures = P × %s ÷ %s × %s d'insertion = %s heures, %s",
    ctx.fmt.hours(hours), ctx.lookup("heures.reprise.cpv", lot.cpv).reference, ctx.fmt.euros(cost),
    ctx.fmt.percent(share), ctx.fmt.euros(c), ctx.fmt.number(s, 2), ctx.fmt.euros(c), ctx.fmt.euros(a),
    ctx.fmt.number(n), ctx.fmt.number(p, 4), ctx.fmt.euros(a), ctx.fmt.euros(c), ctx.fmt.percent(rate),
    ctx.fmt.number(raw), ROUNDING[mode])
  return hours, raw, p, how
end

-- The national dispense threshold of the lot's nature (R2122-8), nil before
-- the rules have one, and the kind of market it applies to.
local function dispense(lot, ctx)
  if lot.nature == "travaux" then
    return ctx.try_param("seuils.dispense.travaux"), "un marché de travaux"
  end
  return ctx.try_param("seuils.dispense.fournitures_services"), "un marché de fournitures ou de services"
end

local function dispense_reason(ctx, total, seuil, market)
  return string.format("Le montant total de la consultation (%s) est aussi inférieur au seuil de %s applicable à "
    .. "%s, en dessous duquel l'article R2122-8 du code de la commande publique %s : sans procédure formalisée, "
    .. "une clause d'insertion est difficile à imposer et à suivre.", ctx.fmt.euros(total), ctx.fmt.euros(seuil),
    market, ctx.param("textes.contenu", "R2122-8"))
end

local function threshold_reason(ctx, total, seuil, applies_to)
  local compared = total > seuil and "dépasse le" or (total == seuil and "atteint le" or "est inférieur au")
  return string.format("Le montant total de la consultation (%s) %s seuil européen de %s %s.",
    ctx.fmt.euros(total), compared, ctx.fmt.euros(seuil), applies_to)
end

local function unknown_share_reason(lot)
  return string.format("Aucune part de main-d'œuvre n'est connue pour le code CPV %s : indiquez-la dans la "
    .. "colonne part_main_oeuvre du programme, ou fixez le volume d'heures avec le facilitateur.", lot.cpv)
end

-- How sure a ground of exception is, in words (its reference is in the trace).
local function ground_caution(status)
  if status == "a-verifier" or status == "hypothese" then
    return " (motif qu'aucun texte lu ne confirme : à vérifier sur Légifrance avant de l'invoquer)"
  end
  return ""
end

-- The grounds of exception in force (rule data), as one sentence.
local function grounds_reason(ctx, obligation)
  local listed = {}
  for _, id in ipairs(GROUNDS) do
    local ground = ctx.lookup(obligation.motifs, id)
    if ground then
      listed[#listed + 1] = (ground.value:gsub("^%u", string.lower)) .. ground_caution(ground.status)
    end
  end
  return "L'acheteur ne peut y déroger que dans les cas que retiennent les règles appliquées : "
    .. table.concat(listed, " ; ") .. ". Il doit alors consigner les motifs de sa décision."
end

-- The reasons of a mandatory clause, after the threshold one.
local function obligation_reasons(lot, ctx, reasons, how)
  local obligation = seuil_ue.obligation(lot)
  local since = ctx.fmt.date(ctx.lookup(obligation.en_vigueur).from)
  reasons[#reasons + 1] = string.format("Depuis le %s, l'article %s du code de la commande publique %s.",
    since, obligation.article, ctx.param("textes.contenu", obligation.article))
  reasons[#reasons + 1] = grounds_reason(ctx, obligation)
  if how then
    reasons[#reasons + 1] = "Volume d'insertion proposé : " .. how .. "."
  else
    reasons[#reasons + 1] = string.format("Le volume d'heures est à fixer avec le facilitateur : la part de "
      .. "main-d'œuvre du code CPV %s n'est pas connue (elle peut aussi être donnée dans la colonne "
      .. "part_main_oeuvre du programme).", lot.cpv)
  end
end

-- The reason of a transfer computation under the method's minimum: no clause
-- proposed, or, where L2112-2-1 applies, the obligation stands.
local function transfer_minimum_reason(lot, ctx, hours, mandatory)
  local minimum = ctx.param("heures.reprise.heures_minimum")
  if hours >= minimum then return nil end
  local source = ctx.lookup("heures.reprise.heures_minimum").reference
  if mandatory then
    return string.format("Avec la reprise du personnel, le volume calculé (%s) est inférieur au minimum de %s en "
      .. "dessous duquel la méthode de la filière propreté ne propose pas de clause (%s) ; mais l'obligation de "
      .. "l'article %s demeure : la condition d'exécution sociale reste obligatoire, avec le volume "
      .. "calculé (ou une autre considération sociale), sauf exception consignée.", ctx.fmt.hours(hours),
      ctx.fmt.hours(minimum), source, seuil_ue.obligation(lot).article)
  end
  return string.format("Avec la reprise du personnel, le volume calculé (%s) est inférieur au minimum de %s en "
    .. "dessous duquel la méthode de la filière propreté ne propose pas de clause (%s).", ctx.fmt.hours(hours),
    ctx.fmt.hours(minimum), source)
end

-- Verdict of the local policy, when the law does not make the clause
-- mandatory; adds its reason.
local function policy_verdict(lot, ctx, reasons, share, hours, how, transfer)
  if transfer then
    local below = transfer_minimum_reason(lot, ctx, hours, false)
    if below then
      reasons[#reasons + 1] = below
      return "exclue"
    end
  end
  local minimum = ctx.param("politique.montant_minimum", lot.nature)
  if lot.montant_ht < minimum then
    reasons[#reasons + 1] = string.format("Le montant du lot (%s) est inférieur au minimum de %s retenu par %s "
      .. "pour les %s : une clause d'insertion n'y est pas proposée.", ctx.fmt.euros(lot.montant_ht),
      ctx.fmt.euros(minimum), politique.qui(ctx, "politique.montant_minimum", lot.nature), lot.nature)
    return "exclue"
  end
  if not share then
    reasons[#reasons + 1] = unknown_share_reason(lot)
    return "possible"
  end
  local minimum_hours = ctx.param("politique.heures_minimum")
  if hours < minimum_hours then
    reasons[#reasons + 1] = string.format("Le volume calculé, %s, est inférieur au minimum de %s retenu par %s : "
      .. "une clause d'insertion n'y est pas proposée.", how, ctx.fmt.hours(minimum_hours),
      politique.qui(ctx, "politique.heures_minimum"))
    return "exclue"
  end
  local recommended = ctx.param("politique.part_main_oeuvre_recommandee")
  if share >= recommended then
    reasons[#reasons + 1] = string.format("La part de main-d'œuvre (%s) atteint le niveau de %s à partir duquel "
      .. "la clause est recommandée selon %s : volume proposé %s.", ctx.fmt.percent(share),
      ctx.fmt.percent(recommended), politique.qui(ctx, "politique.part_main_oeuvre_recommandee"), how)
    return "recommandee"
  end
  reasons[#reasons + 1] = string.format("La part de main-d'œuvre (%s) est inférieure au niveau de %s à partir "
    .. "duquel la clause est recommandée selon %s : elle reste possible, pour un volume de %s.",
    ctx.fmt.percent(share), ctx.fmt.percent(recommended),
    politique.qui(ctx, "politique.part_main_oeuvre_recommandee"), how)
  return "possible"
end

-- Why the obligation does not apply although the threshold is reached.
local function no_obligation_reason(lot, ctx, in_force)
  if lot.marche_defense then
    return string.format("Marché de défense ou de sécurité : l'article L2312-1-1 du code de la commande publique "
      .. "%s, la clause n'est donc pas obligatoire.", ctx.param("textes.contenu", "L2312-1-1"))
  end
  if not in_force then
    return string.format("L'obligation de l'article %s du code de la commande publique n'est pas en "
      .. "vigueur au %s : la clause reste au choix de l'acheteur (article %s).", seuil_ue.obligation(lot).article,
      ctx.fmt.date(ctx.date), seuil_ue.obligation(lot).facultative)
  end
end

-- The warning of the days when sources disagree on the obligation's start.
local function uncertain_date_warning(lot, ctx)
  local obligation = seuil_ue.obligation(lot)
  return string.format("Les sources divergent sur la date d'entrée en vigueur de l'obligation de l'article "
    .. "%s (retenue ici : le %s) : pour un lancement le %s, vérifiez le texte applicable, ou prévoyez "
    .. "la clause par prudence.", obligation.article, ctx.fmt.date(ctx.lookup(obligation.en_vigueur).from),
    ctx.fmt.date(ctx.date))
end

local function evaluate(lot, ctx)
  local mandatory, seuil, applies_to, reached, in_force = seuil_ue.mandatory(lot, ctx)
  local total = lot.total_consultation_ht
  local defence = lot.marche_defense
  local share, rate, cost = hours_inputs(lot, ctx)
  local values = {
    part_main_oeuvre = share, taux_insertion = rate, cout_horaire = cost,
    seuil = seuil, total_consultation = total,
  }
  local warnings = {}
  local buyer_warning = seuil_ue.buyer_warning(lot)
  if buyer_warning then warnings[#warnings + 1] = buyer_warning end
  local stale = seuil_ue.stale_warning(ctx)
  if stale then warnings[#warnings + 1] = stale end
  local transfer, transfer_warning = transfer_applies(lot, ctx)
  if transfer_warning then warnings[#warnings + 1] = transfer_warning end
  transfer = transfer and share ~= nil
  local hours, how
  if transfer then
    hours, values.heures_brutes, values.part_non_reprise, how = transfer_hours(lot, ctx, share, rate, cost)
    values.reprise_heures_mois = lot.reprise_heures_mois
  elseif share then
    hours, values.heures_brutes, how = compute_hours(lot, ctx, share, rate, cost)
  end

  local reasons = { threshold_reason(ctx, total, seuil, applies_to) }
  local basis = defence and DEFENCE_BASIS or BASIS
  local verdict
  if mandatory then
    verdict = "obligatoire"
    obligation_reasons(lot, ctx, reasons, how)
    if transfer then reasons[#reasons + 1] = transfer_minimum_reason(lot, ctx, hours, true) end
  else
    if reached then
      reasons[#reasons + 1] = no_obligation_reason(lot, ctx, in_force)
    else
      reasons[#reasons + 1] = string.format("L'obligation de l'article %s ne s'applique donc pas : la clause "
        .. "reste au choix de l'acheteur (article %s).", seuil_ue.obligation(lot).article,
        seuil_ue.obligation(lot).facultative)
      -- The dispense (R2122-8) is a procedure of public contracts only.
      local seuil_dispense, market = dispense(lot, ctx)
      if seuil_dispense and total < seuil_dispense and not lot.concession then
        reasons[#reasons + 1] = dispense_reason(ctx, total, seuil_dispense, market)
        values.seuil_dispense = seuil_dispense
        basis = with_dispense(basis)
      end
    end
    verdict = policy_verdict(lot, ctx, reasons, share, hours, how, transfer)
  end

  if reached and not defence and ctx.try_param("obligation_sociale.date_incertaine") then
    warnings[#warnings + 1] = uncertain_date_warning(lot, ctx)
  end

  return {
    verdict = verdict,
    reasons = reasons,
    warnings = warnings,
    hours = hours,
    values = values,
    basis = basis,
  }
end

return {
  id = "insertion",
  api = 1,
  title = "Clause d'insertion (condition d'exécution)",
  label = "Insertion",
  basis = BASIS,
  order = 10,
  params = {
    "textes.correspondance", "textes.contenu",
    "seuils.ue.travaux", "seuils.ue.fournitures_services", "seuils.ue.services_sociaux",
    "seuils.ue.defense_securite", "seuils.ue.noms", "seuils.ue.publies_jusqu_au",
    "services_sociaux.cpv", "obligation_sociale.en_vigueur", "obligation_sociale.date_incertaine",
    "obligation_sociale.motifs", "obligation_sociale.en_vigueur_concessions", "obligation_sociale.motifs_concessions",
    "textes.concessions", "textes.propres_aux_marches", "heures.reprise.cpv", "heures.reprise.heures_minimum",
    "main_oeuvre.part", "heures.cout_horaire", "heures.taux_insertion", "heures.arrondi",
    "politique.montant_minimum", "politique.heures_minimum", "politique.part_main_oeuvre_recommandee",
    "seuils.dispense.travaux", "seuils.dispense.fournitures_services",
  },
  units = {
    part_main_oeuvre = "ratio", taux_insertion = "ratio", cout_horaire = "EUR/h",
    heures_brutes = "heures", part_non_reprise = "ratio", reprise_heures_mois = "heures", seuil = "EUR", total_consultation = "EUR", seuil_dispense = "EUR",
  },
  evaluate = include("regime")(evaluate, BASIS),
}
