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

-- What the reasons take from the rule data of a ctx's date, looked up once per
-- ctx (weak keys: an entry goes with its ctx). Each lot still reads the
-- parameter itself, before or in place of the lookup, so its trace is whole.
local known = include("memo").per_ctx()

-- The start of the obligation (ISO date), read by seuil_ue.mandatory.
local function obligation_start(ctx, obligation)
  local k = known(ctx)
  local from = k[obligation.en_vigueur]
  if not from then
    from = ctx.lookup(obligation.en_vigueur).from
    k[obligation.en_vigueur] = from
  end
  return from
end

-- Labour share (nil when unknown for this CPV), insertion rate and hourly
-- cost: the lot's own values first.
local function hours_inputs(lot, ctx)
  local share = ctx.override("part_main_oeuvre") or ctx.try_param("main_oeuvre.part", lot.cpv)
  local rate = ctx.override("taux_insertion") or ctx.param("heures.taux_insertion")
  local cost = ctx.override("cout_horaire") or ctx.param("heures.cout_horaire", lot.cpv)
  return share, rate, cost
end

-- How the hours were computed, in words: the blanks of a volume, in the
-- sentences below that cite one (a volume is cited by one reason only, so
-- its table becomes that reason).
local VOLUME = "{heures:hours} ({montant:euros} × {part:percent} de main-d'œuvre × {taux:percent} "
  .. "d'insertion ÷ {cout:euros}/h = {brutes:number} heures, {arrondi})"
local VOLUME_TRANSFER = "{heures:hours}, calculées sur la part du marché non couverte par le personnel repris "
  .. "selon la méthode publiée de la filière propreté ({methode}) : C = {cout:euros}/h ÷ {part:percent} de "
  .. "main-d'œuvre = {c:euros} ; part non reprise P = 1 − {reprise:number} h/mois × {c_dans_p:euros} ÷ "
  .. "({montant:euros} ÷ {duree:number} mois) = {p:number:4} ; heures = P × {montant_dans_heures:euros} ÷ "
  .. "{c_dans_heures:euros} × {taux:percent} d'insertion = {brutes:number} heures, {arrondi}"

-- The patterns of a sentence around a volume, by whether the hours were
-- computed with staff transfer.
local function around_volume(before, after)
  return { [false] = before .. VOLUME .. after, [true] = before .. VOLUME_TRANSFER .. after }
end

-- `volume` as the reason `patterns` (around_volume) says; only a volume with
-- staff transfer has a part not taken over (p).
local function volume_reason(volume, patterns)
  volume[1] = patterns[volume.p ~= nil]
  return volume
end

-- Rounded hours, unrounded hours, and how they were computed (VOLUME).
local function compute_hours(lot, ctx, share, rate, cost)
  local raw = lot.montant_ht * share * rate / cost
  local mode = ctx.param("heures.arrondi")
  local hours = ctx.round(raw, mode)
  return hours, raw, { heures = hours, montant = lot.montant_ht, part = share, taux = rate, cout = cost,
    brutes = raw, arrondi = ROUNDING[mode] }
end

local TRANSFER_OUT_OF_SCOPE = "Des heures de personnel repris sont indiquées, mais la méthode de calcul avec "
  .. "reprise du personnel ({methode}) n'est retenue par les règles que pour la propreté : les heures sont "
  .. "calculées sans en tenir compte (code CPV {cpv})."
local TRANSFER_NO_DURATION = "Des heures de personnel repris sont indiquées, mais la durée du marché (en "
  .. "mois) n'est pas connue : la méthode de calcul avec reprise du personnel ({methode}) en a besoin ; les "
  .. "heures sont calculées sans reprise. Indiquez la durée pour les calculer sur la part non reprise."

-- Whether the staff-transfer method applies to the lot: transferred hours
-- given and the CPV in its scope. Returns the warning when the column is set
-- but the method cannot apply, and the method's reference.
local function transfer_applies(lot, ctx)
  local s = lot.reprise_heures_mois
  if s == nil then return false end
  local scope = ctx.lookup("heures.reprise.cpv", lot.cpv)
  if not scope then return false end
  local source = scope.reference
  if not scope.value then
    return false, { TRANSFER_OUT_OF_SCOPE, methode = source, cpv = lot.cpv }
  end
  if not lot.duree_mois or lot.duree_mois <= 0 then
    return false, { TRANSFER_NO_DURATION, methode = source }
  end
  return true, nil, source
end

-- The PACT Propreté method with staff transfer: P = 1 − S × C ÷ (A ÷ N),
-- hours = P × A ÷ C × T, C = hourly cost ÷ labour share. Returns rounded
-- hours, unrounded hours, P, and the computation (VOLUME_TRANSFER); `source`:
-- the method's reference.
local function transfer_hours(lot, ctx, share, rate, cost, source)
  local s, n, a = lot.reprise_heures_mois, lot.duree_mois, lot.montant_ht
  local c = cost / share
  local p = 1 - s * c / (a / n)
  local raw = p > 0 and p * a / c * rate or 0
  local mode = ctx.param("heures.arrondi")
  local hours = ctx.round(raw, mode)
  return hours, raw, p, { heures = hours, methode = source, cout = cost, part = share, c = c, reprise = s,
    c_dans_p = c, montant = a, duree = n, p = p, montant_dans_heures = a, c_dans_heures = c, taux = rate, brutes = raw,
    arrondi = ROUNDING[mode] }
end

-- The national dispense threshold of the lot's nature (R2122-8), nil before
-- the rules have one, and the kind of market it applies to.
local function dispense(lot, ctx)
  if lot.nature == "travaux" then
    return ctx.try_param("seuils.dispense.travaux"), "un marché de travaux"
  end
  return ctx.try_param("seuils.dispense.fournitures_services"), "un marché de fournitures ou de services"
end

local DISPENSE = "Le montant total de la consultation ({total:euros}) est aussi inférieur au seuil de "
  .. "{seuil:euros} applicable à {marche}, en dessous duquel l'article R2122-8 du code de la commande publique "
  .. "{contenu} : sans procédure formalisée, une clause d'insertion est difficile à imposer et à suivre."

local function dispense_reason(ctx, total, seuil, market)
  return { DISPENSE, total = total, seuil = seuil, marche = market, contenu = ctx.param("textes.contenu", "R2122-8") }
end

local THRESHOLD = "Le montant total de la consultation ({total:euros}) {compare} seuil européen de "
  .. "{seuil:euros} {applique}."

local function threshold_reason(total, seuil, applies_to)
  local compared = total > seuil and "dépasse le" or (total == seuil and "atteint le" or "est inférieur au")
  return { THRESHOLD, total = total, compare = compared, seuil = seuil, applique = applies_to }
end

local UNKNOWN_SHARE = "Aucune part de main-d'œuvre n'est connue pour le code CPV {cpv} : indiquez-la dans la "
  .. "colonne part_main_oeuvre du programme, ou fixez le volume d'heures avec le facilitateur."

-- How sure a ground of exception is, in words (its reference is in the trace).
local function ground_caution(status)
  if status == "a-verifier" or status == "hypothese" then
    return " (motif qu'aucun texte lu ne confirme : à vérifier sur Légifrance avant de l'invoquer)"
  end
  return ""
end

local GROUNDS_REASON = "L'acheteur ne peut y déroger que dans les cas que retiennent les règles appliquées : "
  .. "{motifs}. Il doit alors consigner les motifs de sa décision."

-- The grounds of exception in force (rule data), as one sentence: made once
-- per ctx and obligation; each call still reads the grounds, for its trace.
local function grounds_reason(ctx, obligation)
  local k = known(ctx)
  local reason = k[obligation.motifs]
  if reason then
    for _, id in ipairs(GROUNDS) do ctx.try_param(obligation.motifs, id) end
    return reason
  end
  local listed = {}
  for _, id in ipairs(GROUNDS) do
    local ground = ctx.lookup(obligation.motifs, id)
    if ground then
      listed[#listed + 1] = (ground.value:gsub("^%u", string.lower)) .. ground_caution(ground.status)
    end
  end
  reason = { GROUNDS_REASON, motifs = table.concat(listed, " ; ") }
  k[obligation.motifs] = reason
  return reason
end

local OBLIGATION = "Depuis le {depuis:date}, l'article {article} du code de la commande publique {contenu}."
local VOLUME_PROPOSED = around_volume("Volume d'insertion proposé : ", ".")
local VOLUME_UNKNOWN = "Le volume d'heures est à fixer avec le facilitateur : la part de main-d'œuvre du code "
  .. "CPV {cpv} n'est pas connue (elle peut aussi être donnée dans la colonne part_main_oeuvre du programme)."

-- The reasons of a mandatory clause, after the threshold one.
local function obligation_reasons(lot, ctx, reasons, volume)
  local obligation = seuil_ue.obligation(lot)
  reasons[#reasons + 1] = { OBLIGATION, depuis = obligation_start(ctx, obligation), article = obligation.article,
    contenu = ctx.param("textes.contenu", obligation.article) }
  reasons[#reasons + 1] = grounds_reason(ctx, obligation)
  if volume then
    reasons[#reasons + 1] = volume_reason(volume, VOLUME_PROPOSED)
  else
    reasons[#reasons + 1] = { VOLUME_UNKNOWN, cpv = lot.cpv }
  end
end

local TRANSFER_BELOW_MINIMUM = "Avec la reprise du personnel, le volume calculé ({heures:hours}) est inférieur "
  .. "au minimum de {minimum:hours} en dessous duquel la méthode de la filière propreté ne propose pas de clause "
  .. "({source})."
local TRANSFER_BELOW_MINIMUM_MANDATORY = "Avec la reprise du personnel, le volume calculé ({heures:hours}) est "
  .. "inférieur au minimum de {minimum:hours} en dessous duquel la méthode de la filière propreté ne propose pas "
  .. "de clause ({source}) ; mais l'obligation de l'article {article} demeure : la condition d'exécution "
  .. "sociale reste obligatoire, avec le volume calculé (ou une autre considération sociale), sauf exception "
  .. "consignée."

-- The reason of a transfer computation under the method's minimum: no clause
-- proposed, or, where L2112-2-1 applies, the obligation stands.
local function transfer_minimum_reason(lot, ctx, hours, mandatory)
  local minimum = ctx.param("heures.reprise.heures_minimum")
  if hours >= minimum then return nil end
  local source = ctx.lookup("heures.reprise.heures_minimum").reference
  if mandatory then
    return { TRANSFER_BELOW_MINIMUM_MANDATORY, heures = hours, minimum = minimum, source = source,
      article = seuil_ue.obligation(lot).article }
  end
  return { TRANSFER_BELOW_MINIMUM, heures = hours, minimum = minimum, source = source }
end

local LOT_BELOW_MINIMUM = "Le montant du lot ({montant:euros}) est inférieur au minimum de {minimum:euros} "
  .. "retenu par {qui} pour les {nature} : une clause d'insertion n'y est pas proposée."
local VOLUME_BELOW_MINIMUM = around_volume("Le volume calculé, ", ", est inférieur au minimum de "
  .. "{minimum:hours} retenu par {qui} : une clause d'insertion n'y est pas proposée.")
local SHARE_RECOMMENDED = around_volume("La part de main-d'œuvre ({part_main_oeuvre:percent}) atteint le "
  .. "niveau de {niveau:percent} à partir duquel la clause est recommandée selon {qui} : volume proposé ", ".")
local SHARE_POSSIBLE = around_volume("La part de main-d'œuvre ({part_main_oeuvre:percent}) est inférieure au "
  .. "niveau de {niveau:percent} à partir duquel la clause est recommandée selon {qui} : elle reste possible, "
  .. "pour un volume de ", ".")

-- Verdict of the local policy, when the law does not make the clause
-- mandatory; adds its reason.
local function policy_verdict(lot, ctx, reasons, share, hours, volume, transfer)
  if transfer then
    local below = transfer_minimum_reason(lot, ctx, hours, false)
    if below then
      reasons[#reasons + 1] = below
      return "exclue"
    end
  end
  local minimum = ctx.param("politique.montant_minimum", lot.nature)
  if lot.montant_ht < minimum then
    reasons[#reasons + 1] = { LOT_BELOW_MINIMUM, montant = lot.montant_ht, minimum = minimum,
      qui = politique.qui(ctx, "politique.montant_minimum", lot.nature), nature = lot.nature }
    return "exclue"
  end
  if not share then
    reasons[#reasons + 1] = { UNKNOWN_SHARE, cpv = lot.cpv }
    return "possible"
  end
  local minimum_hours = ctx.param("politique.heures_minimum")
  if hours < minimum_hours then
    local reason = volume_reason(volume, VOLUME_BELOW_MINIMUM)
    reason.minimum, reason.qui = minimum_hours, politique.qui(ctx, "politique.heures_minimum")
    reasons[#reasons + 1] = reason
    return "exclue"
  end
  local recommended = ctx.param("politique.part_main_oeuvre_recommandee")
  local verdict, patterns = "possible", SHARE_POSSIBLE
  if share >= recommended then verdict, patterns = "recommandee", SHARE_RECOMMENDED end
  local reason = volume_reason(volume, patterns)
  reason.part_main_oeuvre, reason.niveau = share, recommended
  reason.qui = politique.qui(ctx, "politique.part_main_oeuvre_recommandee")
  reasons[#reasons + 1] = reason
  return verdict
end

local DEFENCE = "Marché de défense ou de sécurité : l'article L2312-1-1 du code de la commande publique "
  .. "{contenu}, la clause n'est donc pas obligatoire."
local NOT_IN_FORCE = "L'obligation de l'article {article} du code de la commande publique n'est pas en vigueur "
  .. "au {date:date} : la clause reste au choix de l'acheteur (article {facultative})."

-- Why the obligation does not apply although the threshold is reached.
local function no_obligation_reason(lot, ctx, in_force)
  if lot.marche_defense then
    return { DEFENCE, contenu = ctx.param("textes.contenu", "L2312-1-1") }
  end
  if not in_force then
    local obligation = seuil_ue.obligation(lot)
    return { NOT_IN_FORCE, article = obligation.article, date = ctx.date, facultative = obligation.facultative }
  end
end

local BELOW_THRESHOLD = "L'obligation de l'article {article} ne s'applique donc pas : la clause reste au choix "
  .. "de l'acheteur (article {facultative})."

local UNCERTAIN_DATE = "Les sources divergent sur la date d'entrée en vigueur de l'obligation de l'article "
  .. "{article} (retenue ici : le {depuis:date}) : pour un lancement le {lancement:date}, vérifiez le texte "
  .. "applicable, ou prévoyez la clause par prudence."

-- The warning of the days when sources disagree on the obligation's start.
local function uncertain_date_warning(lot, ctx)
  local obligation = seuil_ue.obligation(lot)
  return { UNCERTAIN_DATE, article = obligation.article, depuis = obligation_start(ctx, obligation),
    lancement = ctx.date }
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
  local transfer, transfer_warning, transfer_source = transfer_applies(lot, ctx)
  if transfer_warning then warnings[#warnings + 1] = transfer_warning end
  transfer = transfer and share ~= nil
  local hours, volume
  if transfer then
    hours, values.heures_brutes, values.part_non_reprise, volume =
      transfer_hours(lot, ctx, share, rate, cost, transfer_source)
    values.reprise_heures_mois = lot.reprise_heures_mois
  elseif share then
    hours, values.heures_brutes, volume = compute_hours(lot, ctx, share, rate, cost)
  end

  local reasons = { threshold_reason(total, seuil, applies_to) }
  local basis = defence and DEFENCE_BASIS or BASIS
  local verdict
  if mandatory then
    verdict = "obligatoire"
    obligation_reasons(lot, ctx, reasons, volume)
    if transfer then reasons[#reasons + 1] = transfer_minimum_reason(lot, ctx, hours, true) end
  else
    if reached then
      reasons[#reasons + 1] = no_obligation_reason(lot, ctx, in_force)
    else
      local obligation = seuil_ue.obligation(lot)
      reasons[#reasons + 1] = { BELOW_THRESHOLD, article = obligation.article, facultative = obligation.facultative }
      -- The dispense (R2122-8) is a procedure of public contracts only.
      local seuil_dispense, market = dispense(lot, ctx)
      if seuil_dispense and total < seuil_dispense and not lot.concession then
        reasons[#reasons + 1] = dispense_reason(ctx, total, seuil_dispense, market)
        values.seuil_dispense = seuil_dispense
        basis = with_dispense(basis)
      end
    end
    verdict = policy_verdict(lot, ctx, reasons, share, hours, volume, transfer)
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
  api = 2,
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
