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

local function no_link_reason(lot, ctx)
  return string.format("Le code CPV %s relève d'une famille (fournitures courantes, prestations "
    .. "intellectuelles ou informatiques) dont l'exécution ne peut guère être confiée, même en partie, à des "
    .. "personnes en insertion : un critère d'insertion n'aurait pas de lien suffisant avec l'objet du marché "
    .. "(article L2152-7 ; %s).", lot.cpv, ctx.param("critere.arret_execution_partielle"))
end

local function supplies_reason(lot)
  return string.format("Marché de fournitures (code CPV %s) sans part de main-d'œuvre connue : la livraison de "
    .. "produits ne se prête pas à un critère d'insertion. Si le marché comporte une part importante de "
    .. "main-d'œuvre (fabrication, montage, livraison), indiquez-la dans la colonne part_main_oeuvre du "
    .. "programme.", lot.cpv)
end

-- The weight range, the suggested weight and the sub-criteria, as reasons and values.
local function advice(ctx, verdict, reasons, values)
  local low = ctx.param("critere.poids_min")
  local high = ctx.lookup("critere.poids_max")
  local suggested = verdict == "recommandee" and ctx.param("critere.poids_suggere") or low
  values.poids_min, values.poids_max, values.poids_suggere = low, high.value, suggested
  reasons[#reasons + 1] = string.format("Pondération proposée : %s de la note, dans une fourchette de %s à %s "
    .. "(borne haute : %s).", ctx.fmt.percent(suggested), ctx.fmt.percent(low), ctx.fmt.percent(high.value),
    high.reference)
  reasons[#reasons + 1] = string.format("Sous-critères à annoncer dans le règlement de la consultation, "
    .. "appréciés sur une note insertion de quelques pages remise avec l'offre : %s.",
    ctx.param("critere.sous_criteres"))
  local case = ctx.lookup("critere.arret_lien_objet")
  local cited = ""
  if case then cited = " (" .. case.value .. (case.status == "verifie" and "" or " ; décision à vérifier") .. ")" end
  reasons[#reasons + 1] = string.format("Notez l'engagement pris pour l'exécution de ce marché, non la politique "
    .. "sociale générale de l'entreprise (RSE) : l'article L2152-7 du code de la commande publique %s%s.",
    ctx.param("textes.contenu", "L2152-7"), cited)
end

-- The reminder that an environmental criterion is required too, once it is.
local function environmental_reason(ctx)
  local found = ctx.lookup("critere_environnemental.obligatoire")
  if not (found and found.value) then return nil end
  return string.format("Depuis le %s, l'article R2152-7 du code de la commande publique %s : le critère "
    .. "d'insertion ne le remplace pas, prévoyez les deux.", ctx.fmt.date(found.from),
    ctx.param("textes.contenu", "R2152-7"))
end

-- Verdict and first reason for a lot linked to insertion.
local function judge(lot, ctx, values)
  local share = ctx.override("part_main_oeuvre") or ctx.try_param("main_oeuvre.part", lot.cpv)
  if not share then
    return "possible", string.format("Aucune part de main-d'œuvre n'est connue pour le code CPV %s : le "
      .. "critère d'insertion est possible si le marché peut être exécuté au moins en partie par des personnes "
      .. "en insertion (à vérifier avec le facilitateur ; la part peut être donnée dans la colonne "
      .. "part_main_oeuvre du programme).", lot.cpv)
  end
  values.part_main_oeuvre = share
  local recommended = ctx.param("politique.part_main_oeuvre_recommandee")
  if share < recommended then
    return "possible", string.format("La part de main-d'œuvre (%s) est inférieure au niveau de %s à partir "
      .. "duquel l'insertion est recommandée selon %s : un critère d'insertion reste possible, seul ou "
      .. "avec une clause d'insertion, si une partie de l'exécution peut être confiée à des personnes en "
      .. "insertion.", ctx.fmt.percent(share), ctx.fmt.percent(recommended),
      politique.qui(ctx, "politique.part_main_oeuvre_recommandee"))
  end
  local hours = clause_hours(lot, ctx, share)
  values.heures_clause = hours
  local minimum = ctx.param("politique.heures_minimum")
  values.avec_clause = true
  local sector = string.format("Secteur de main-d'œuvre (part de %s, au moins égale au niveau de %s retenu par "
    .. "%s)", ctx.fmt.percent(share), ctx.fmt.percent(recommended),
    politique.qui(ctx, "politique.part_main_oeuvre_recommandee"))
  local complement = "le critère la complète en départageant les offres sur la qualité de l'accompagnement des "
    .. "personnes."
  if clause_mandatory(lot, ctx) then
    return "recommandee", sector .. " où la clause d'insertion est obligatoire (article L2112-2-1) : "
      .. complement
  end
  if hours >= minimum then
    return "recommandee", string.format("%s où une clause d'insertion de %s est proposée : %s", sector,
      ctx.fmt.hours(hours), complement)
  end
  values.avec_clause = false
  return "possible", string.format("Secteur de main-d'œuvre (%s), mais le lot est trop petit pour une clause "
    .. "d'insertion (%s, en dessous du minimum de %s retenu par %s) : un critère d'insertion seul peut "
    .. "valoriser l'effort des candidats sans imposer d'heures.", ctx.fmt.percent(share),
    ctx.fmt.hours(hours), ctx.fmt.hours(minimum), politique.qui(ctx, "politique.heures_minimum"))
end

local function evaluate(lot, ctx)
  if ctx.param("critere.cpv_sans_lien", lot.cpv) then
    return { verdict = "exclue", reasons = { no_link_reason(lot, ctx) } }
  end
  if lot.nature == "fournitures" and not ctx.override("part_main_oeuvre")
      and not ctx.try_param("main_oeuvre.part", lot.cpv) then
    return { verdict = "exclue", reasons = { supplies_reason(lot) } }
  end
  local minimum = ctx.param("politique.montant_minimum", lot.nature)
  if lot.total_consultation_ht < minimum then
    return {
      verdict = "exclue",
      reasons = { string.format("Le montant de la consultation (%s) est inférieur au minimum de %s retenu par "
        .. "%s pour les %s : un critère d'attribution d'insertion n'y est pas proposé.",
        ctx.fmt.euros(lot.total_consultation_ht), ctx.fmt.euros(minimum),
        politique.qui(ctx, "politique.montant_minimum", lot.nature), lot.nature) },
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
  api = 1,
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
