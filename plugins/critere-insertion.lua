-- Critère d'attribution « performance en matière d'insertion professionnelle
-- des publics en difficulté » (clause type `critere-insertion`):
-- CCP L2152-7, R2152-7 2° a). The Conseil d'État admits it when the contract
-- can be performed at least partly by people in insertion, with an objective
-- weight and sub-criteria (CE, 25 mars 2013, Département de l'Isère,
-- n° 364950). Never `obligatoire`.
--
--   exclue       CPV family without a link (critere.cpv_sans_lien), supplies
--                without a known labour share, or a consultation below the
--                local policy's minimum amount;
--   recommandee  labour-intensive sector (share ≥ politique.part_main_oeuvre_
--                recommandee) where the insertion clause is mandatory (L2112-2-1)
--                or big enough to be proposed (hours ≥ politique.heures_minimum):
--                the criterion goes with the clause;
--   possible     otherwise: alone when the lot is too small for a clause, or
--                where the link with insertion is to be checked.
--
-- A criterion proposed (recommandee, possible) comes with its weight range,
-- suggested weight and sub-criteria, the reminder not to score general CSR,
-- and, once `critere_environnemental.obligatoire` is true, the reminder that an
-- environmental criterion is required too (R2152-7, 21 August 2026). All of
-- them come from ctx (rule data).

local BASIS = { "CCP L2152-7", "CCP R2152-7" }

local seuil_ue = include("seuil_ue")
local politique = include("politique")

-- Whether L2112-2-1 makes an insertion clause mandatory for this lot (as the
-- `insertion` plugin decides it, lib/seuil_ue: consultation at the EU
-- threshold, obligation in force, not a defence or security contract).
local function clause_mandatory(lot, ctx)
  return (seuil_ue.mandatory(lot, ctx))
end

-- The hours of an insertion clause on this lot, with the lot's overrides,
-- and, in cleaning with staff transfer, on the part not covered by the
-- transferred staff (PACT Propreté method, as the insertion plugin computes
-- them: P = 1 − S × C ÷ (A ÷ N), C = cost ÷ share, hours = P × the usual ones).
local function clause_hours(lot, ctx, share)
  local rate = ctx.override("taux_insertion") or ctx.param("heures.taux_insertion")
  local cost = ctx.override("cout_horaire") or ctx.param("heures.cout_horaire", lot.cpv)
  local raw = lot.montant_ht * share * rate / cost
  local s, n = lot.reprise_heures_mois, lot.duree_mois
  if s and n and n > 0 and ctx.try_param("heures.reprise.cpv", lot.cpv) then
    local p = 1 - s * (cost / share) / (lot.montant_ht / n)
    raw = p > 0 and p * raw or 0
  end
  return ctx.round(raw, ctx.param("heures.arrondi"))
end

-- Rule data of a ctx's date, looked up once per ctx (weak keys: an entry goes
-- with its ctx); each call still reads the parameter, for its trace.
local known = include("memo").per_ctx()

local NO_LINK = "Le code CPV {cpv} relève d'une famille (fournitures courantes, prestations intellectuelles ou "
  .. "informatiques) dont l'exécution ne peut guère être confiée, même en partie, à des personnes en "
  .. "insertion : un critère d'insertion n'aurait pas de lien suffisant avec l'objet du marché (article "
  .. "L2152-7 ; {arret})."

local function no_link_reason(lot, ctx)
  return { NO_LINK, cpv = lot.cpv, arret = ctx.param("critere.arret_execution_partielle") }
end

local SUPPLIES = "Marché de fournitures (code CPV {cpv}) sans part de main-d'œuvre connue : la livraison de "
  .. "produits ne se prête pas à un critère d'insertion. Si le marché comporte une part importante de "
  .. "main-d'œuvre (fabrication, montage, livraison), indiquez-la dans la colonne part_main_oeuvre du "
  .. "programme."

-- The highest weight and its reference (borne haute).
local function highest_weight(ctx)
  local k = known(ctx)
  local reference = k.poids_max_reference
  if reference then return ctx.param("critere.poids_max"), reference end
  local high = ctx.lookup("critere.poids_max")
  k.poids_max_reference = high.reference
  return high.value, high.reference
end

-- " (the judgment on the link with the contract's object)", with its caution
-- when no text read confirms it, or "" when the rules have none.
local function judgment_cited(ctx)
  local k = known(ctx)
  local cited = k.arret_lien_objet
  if cited then
    ctx.try_param("critere.arret_lien_objet")
    return cited
  end
  local case = ctx.lookup("critere.arret_lien_objet")
  cited = ""
  if case then cited = " (" .. case.value .. (case.status == "verifie" and "" or " ; décision à vérifier") .. ")" end
  k.arret_lien_objet = cited
  return cited
end

local WEIGHT = "Pondération proposée : {suggere:percent} de la note, dans une fourchette de {min:percent} à "
  .. "{max:percent} (borne haute : {reference})."
local SUB_CRITERIA = "Sous-critères à annoncer dans le règlement de la consultation, appréciés sur une note "
  .. "insertion de quelques pages remise avec l'offre : {sous_criteres}."
local COMMITMENT = "Notez l'engagement pris pour l'exécution de ce marché, non la politique sociale générale de "
  .. "l'entreprise (RSE) : l'article L2152-7 du code de la commande publique {contenu}{arret}."

-- The weight range, the suggested weight and the sub-criteria, as reasons and values.
local function advice(ctx, verdict, reasons, values)
  local low = ctx.param("critere.poids_min")
  local high, high_reference = highest_weight(ctx)
  local suggested = verdict == "recommandee" and ctx.param("critere.poids_suggere") or low
  values.poids_min, values.poids_max, values.poids_suggere = low, high, suggested
  reasons[#reasons + 1] = { WEIGHT, suggere = suggested, min = low, max = high, reference = high_reference }
  reasons[#reasons + 1] = { SUB_CRITERIA, sous_criteres = ctx.param("critere.sous_criteres") }
  local cited = judgment_cited(ctx)
  reasons[#reasons + 1] = { COMMITMENT, contenu = ctx.param("textes.contenu", "L2152-7"), arret = cited }
end

local ENVIRONMENTAL = "Depuis le {depuis:date}, l'article R2152-7 du code de la commande publique {contenu} : le "
  .. "critère d'insertion ne le remplace pas, prévoyez les deux."

-- The reminder that an environmental criterion is required too, once it is.
local function environmental_reason(ctx)
  local k = known(ctx)
  local since = k.critere_environnemental
  if since == nil then
    local found = ctx.lookup("critere_environnemental.obligatoire")
    since = found and found.value and found.from or false
    k.critere_environnemental = since
  else
    ctx.try_param("critere_environnemental.obligatoire")
  end
  if not since then return nil end
  return { ENVIRONMENTAL, depuis = since, contenu = ctx.param("textes.contenu", "R2152-7") }
end

local NO_SHARE = "Aucune part de main-d'œuvre n'est connue pour le code CPV {cpv} : le critère d'insertion est "
  .. "possible si le marché peut être exécuté au moins en partie par des personnes en insertion (à vérifier "
  .. "avec le facilitateur ; la part peut être donnée dans la colonne part_main_oeuvre du programme)."
local SHARE_LOW = "La part de main-d'œuvre ({part:percent}) est inférieure au niveau de {niveau:percent} à "
  .. "partir duquel l'insertion est recommandée selon {qui} : un critère d'insertion reste possible, seul ou "
  .. "avec une clause d'insertion, si une partie de l'exécution peut être confiée à des personnes en insertion."
local SECTOR = "Secteur de main-d'œuvre (part de {part:percent}, au moins égale au niveau de {niveau:percent} "
  .. "retenu par {qui})"
local COMPLEMENT = "le critère la complète en départageant les offres sur la qualité de l'accompagnement des "
  .. "personnes."
local SECTOR_MANDATORY = SECTOR .. " où la clause d'insertion est obligatoire (article L2112-2-1) : " .. COMPLEMENT
local SECTOR_CLAUSE = SECTOR .. " où une clause d'insertion de {heures:hours} est proposée : " .. COMPLEMENT
local SECTOR_SMALL = "Secteur de main-d'œuvre ({part:percent}), mais le lot est trop petit pour une clause "
  .. "d'insertion ({heures:hours}, en dessous du minimum de {minimum:hours} retenu par {qui}) : un critère "
  .. "d'insertion seul peut valoriser l'effort des candidats sans imposer d'heures."

-- Verdict and first reason for a lot linked to insertion.
local function judge(lot, ctx, values)
  local share = ctx.override("part_main_oeuvre") or ctx.try_param("main_oeuvre.part", lot.cpv)
  if not share then
    return "possible", { NO_SHARE, cpv = lot.cpv }
  end
  values.part_main_oeuvre = share
  local recommended = ctx.param("politique.part_main_oeuvre_recommandee")
  if share < recommended then
    return "possible", { SHARE_LOW, part = share, niveau = recommended,
      qui = politique.qui(ctx, "politique.part_main_oeuvre_recommandee") }
  end
  local hours = clause_hours(lot, ctx, share)
  values.heures_clause = hours
  local minimum = ctx.param("politique.heures_minimum")
  values.avec_clause = true
  local who = politique.qui(ctx, "politique.part_main_oeuvre_recommandee")
  if clause_mandatory(lot, ctx) then
    return "recommandee", { SECTOR_MANDATORY, part = share, niveau = recommended, qui = who }
  end
  if hours >= minimum then
    return "recommandee", { SECTOR_CLAUSE, part = share, niveau = recommended, qui = who, heures = hours }
  end
  values.avec_clause = false
  return "possible", { SECTOR_SMALL, part = share, heures = hours, minimum = minimum,
    qui = politique.qui(ctx, "politique.heures_minimum") }
end

local CONSULTATION_BELOW_MINIMUM = "Le montant de la consultation ({total:euros}) est inférieur au minimum de "
  .. "{minimum:euros} retenu par {qui} pour les {nature} : un critère d'attribution d'insertion n'y est pas "
  .. "proposé."

local function evaluate(lot, ctx)
  if ctx.param("critere.cpv_sans_lien", lot.cpv) then
    return { verdict = "exclue", reasons = { no_link_reason(lot, ctx) } }
  end
  if lot.nature == "fournitures" and not ctx.override("part_main_oeuvre")
      and not ctx.try_param("main_oeuvre.part", lot.cpv) then
    return { verdict = "exclue", reasons = { { SUPPLIES, cpv = lot.cpv } } }
  end
  local minimum = ctx.param("politique.montant_minimum", lot.nature)
  if lot.total_consultation_ht < minimum then
    return {
      verdict = "exclue",
      reasons = { { CONSULTATION_BELOW_MINIMUM, total = lot.total_consultation_ht, minimum = minimum,
        qui = politique.qui(ctx, "politique.montant_minimum", lot.nature), nature = lot.nature } },
    }
  end

  local values = {}
  local verdict, first = judge(lot, ctx, values)
  local reasons = { first }
  advice(ctx, verdict, reasons, values)
  reasons[#reasons + 1] = environmental_reason(ctx)
  return { verdict = verdict, reasons = reasons, values = values }
end

return {
  id = "critere-insertion",
  api = 2,
  title = "Critère d'attribution : performance en matière d'insertion professionnelle",
  label = "Critère",
  basis = BASIS,
  order = 20,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches",
    "critere.cpv_sans_lien", "critere.poids_min", "critere.poids_max", "critere.poids_suggere",
    "critere.sous_criteres", "critere.arret_lien_objet", "critere.arret_execution_partielle", "textes.contenu", "critere_environnemental.obligatoire",
    "main_oeuvre.part", "politique.montant_minimum", "politique.part_main_oeuvre_recommandee",
    "politique.heures_minimum", "heures.taux_insertion", "heures.cout_horaire", "heures.arrondi",
    "seuils.ue.travaux", "seuils.ue.fournitures_services", "seuils.ue.services_sociaux",
    "seuils.ue.defense_securite", "seuils.ue.noms", "heures.reprise.cpv",
    "services_sociaux.cpv", "obligation_sociale.en_vigueur", "obligation_sociale.en_vigueur_concessions",
  },
  units = {
    poids_min = "ratio", poids_max = "ratio", poids_suggere = "ratio", part_main_oeuvre = "ratio",
    heures_clause = "heures",
  },
  evaluate = include("regime")(evaluate, BASIS),
}
