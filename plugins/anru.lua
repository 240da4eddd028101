-- Charte nationale d'insertion de l'ANRU (clause type `anru`):
-- on an operation financed by the ANRU (NPNRU, programme column « Opération
-- ANRU »), the residents of the priority neighbourhoods get at least a share
-- of the hours worked: one rate on works and the engineering the works need,
-- another on gestion urbaine de proximité (GUP) contracts.
--
-- The charter is a funding condition, so its clause is `obligatoire`.
-- Every rate, CPV list, labour share, hourly cost and rounding comes from ctx.
-- Hours per lot: montant_ht × part de main-d'œuvre × taux de la charte ÷ coût
-- horaire, rounded as `heures.arrondi` says. A lot's own `taux_insertion` can
-- raise the charter's rate, never lower it (the charter sets a minimum).
--
-- The charter covers 2014-2024 and no extension was found: the rules keep its
-- rates after 2024 with the status `a-verifier`, and the result then carries a
-- warning.

local BASIS = { "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024)", "CCP L2112-2" }

local ROUNDING = {
  inferieur = "arrondi à l'inférieur",
  superieur = "arrondi au supérieur",
  plus_proche = "arrondi au plus proche",
}

-- What the charter calls the lot, the rate parameter that applies, and the
-- words for the reasons; nil when the charter sets no rate for it.
local DOMAINS = {
  travaux = {
    param = "anru.taux_travaux",
    label = "sur les travaux",
    what = "Marché de travaux d'une opération financée par l'ANRU",
  },
  ingenierie = {
    param = "anru.taux_travaux",
    label = "sur l'ingénierie nécessaire aux travaux",
    what = "Marché d'ingénierie nécessaire aux travaux (maîtrise d'œuvre, études, contrôle) d'une opération "
      .. "financée par l'ANRU",
  },
  gup = {
    param = "anru.taux_gup",
    label = "sur les marchés de gestion urbaine de proximité",
    what = "Marché de gestion urbaine de proximité (entretien, propreté, gardiennage du quartier) d'une "
      .. "opération financée par l'ANRU",
  },
}

-- The sentences (api 2): the blanks are what changes from one lot or date to
-- the next. Each domain's first reason is made once with its words.
for _, d in pairs(DOMAINS) do
  d.reason = d.what .. " : la charte nationale d'insertion réserve aux habitants des quartiers prioritaires "
    .. "éloignés de l'emploi au moins {rate:percent} des heures travaillées " .. d.label .. "."
end
local NO_RATE_SERVICE = "Le code CPV {cpv} ne relève ni de l'ingénierie nécessaire aux travaux ni de la gestion "
  .. "urbaine de proximité : la charte nationale d'insertion de l'ANRU ne fixe pas de part d'heures pour ce "
  .. "marché. Une clause d'insertion reste possible, et la charte demande aussi qu'une partie des embauches "
  .. "liées au projet (ingénierie de projet, fonctionnement des équipements, relogement) bénéficie aux "
  .. "habitants des quartiers."
local OWN_RATE_HIGHER = "Le taux d'insertion donné pour ce lot ({own:percent}) dépasse le minimum de la charte "
  .. "({charter:percent}) : il est retenu."
local OWN_RATE_LOWER = "Le taux d'insertion donné pour ce lot ({own:percent}) est inférieur au minimum de la "
  .. "charte de l'ANRU ({charter:percent}) : le taux de la charte est retenu."
local NO_EXTENSION = "Aucune prorogation de la charte nationale d'insertion de l'ANRU au-delà de son programme n'a "
  .. "été trouvée : le taux de {rate:percent}, en vigueur dans les règles depuis le {since:date}, est maintenu par "
  .. "prudence ; vérifiez-le auprès de l'ANRU ou dans la convention de renouvellement urbain de l'opération."
local NO_CHARTER_RATE = "Aucun taux de la charte nationale d'insertion de l'ANRU n'est en vigueur dans les règles "
  .. "au {date:date} : vérifiez la charte applicable à l'opération."
local HOURS = "Volume d'insertion exigé : {hours:hours} ({amount:euros} × {share:percent} de main-d'œuvre × "
  .. "{rate:percent} d'insertion ÷ {cost:euros}/h = {raw:number} heures, {rounding})."
local HOURS_TO_SET = "Le volume d'heures est à fixer avec le facilitateur et le porteur de projet : aucune part "
  .. "de main-d'œuvre n'est connue pour le code CPV {cpv} (elle peut être donnée dans la colonne part_main_oeuvre "
  .. "du programme)."
local CLAUSE = "Ces heures se mettent en œuvre par la clause d'insertion du marché (condition d'exécution) : "
  .. "elles ne s'ajoutent pas aux heures de cette clause, qui doit au moins les atteindre."

local function domain_of(lot, ctx)
  if lot.nature == "travaux" then return "travaux" end
  if lot.nature ~= "services" then return nil end
  if ctx.param("anru.cpv_gup", lot.cpv) then return "gup" end
  if ctx.param("anru.cpv_ingenierie", lot.cpv) then return "ingenierie" end
  return nil
end

local function not_anru(lot)
  if lot.anru == nil then
    return "La colonne « Opération ANRU » n'est pas renseignée pour ce lot : s'il fait partie d'une "
      .. "opération financée par l'ANRU (nouveau programme national de renouvellement urbain), indiquez "
      .. "« oui » pour appliquer la charte nationale d'insertion, sinon « non »."
  end
  return "L'opération n'est pas financée par l'ANRU (colonne « Opération ANRU » à « non ») : la charte "
    .. "nationale d'insertion du renouvellement urbain ne s'applique pas."
end

-- Why the charter sets no hours for this lot (supplies, other services).
local function no_rate_reason(lot)
  if lot.nature == "fournitures" then
    return "La charte nationale d'insertion de l'ANRU vise les travaux, l'ingénierie nécessaire aux "
      .. "travaux et la gestion urbaine de proximité : un marché de fournitures n'y est pas soumis."
  end
  return { NO_RATE_SERVICE, cpv = lot.cpv }
end

-- The rate of the charter in force, and the lot's own rate when it is higher.
local function rate_of(ctx, domain, reasons, warnings)
  local found = ctx.lookup(DOMAINS[domain].param)
  if not found then return nil end
  local charter = found.value
  local own = ctx.override("taux_insertion")
  if own and own > charter then
    reasons[#reasons + 1] = { OWN_RATE_HIGHER, own = own, charter = charter }
    return own, found
  end
  if own and own < charter then
    warnings[#warnings + 1] = { OWN_RATE_LOWER, own = own, charter = charter }
  end
  return charter, found
end

local function status_warning(found)
  return { NO_EXTENSION, rate = found.value, since = found.from }
end

local function evaluate(lot, ctx)
  if not lot.anru then
    return { verdict = "exclue", reasons = { not_anru(lot) } }
  end

  local domain = domain_of(lot, ctx)
  if not domain then
    return {
      verdict = lot.nature == "fournitures" and "exclue" or "possible",
      reasons = { no_rate_reason(lot) },
    }
  end

  local reasons, warnings = {}, {}
  local rate, found = rate_of(ctx, domain, reasons, warnings)
  if not rate then
    return {
      verdict = "possible",
      reasons = { { NO_CHARTER_RATE, date = ctx.date } },
    }
  end
  table.insert(reasons, 1, { DOMAINS[domain].reason, rate = found.value })
  if found.status == "a-verifier" then warnings[#warnings + 1] = status_warning(found) end

  local values = { taux_anru = rate, domaine = domain }
  local share = ctx.override("part_main_oeuvre") or ctx.try_param("main_oeuvre.part", lot.cpv)
  local hours
  if share then
    local cost = ctx.override("cout_horaire") or ctx.param("heures.cout_horaire", lot.cpv)
    local raw = lot.montant_ht * share * rate / cost
    local mode = ctx.param("heures.arrondi")
    hours = ctx.round(raw, mode)
    values.part_main_oeuvre, values.cout_horaire, values.heures_brutes = share, cost, raw
    reasons[#reasons + 1] = { HOURS, hours = hours, amount = lot.montant_ht, share = share, rate = rate,
      cost = cost, raw = raw, rounding = ROUNDING[mode] }
  else
    reasons[#reasons + 1] = { HOURS_TO_SET, cpv = lot.cpv }
  end
  reasons[#reasons + 1] = CLAUSE

  return {
    verdict = "obligatoire",
    hours = hours,
    reasons = reasons,
    warnings = warnings,
    values = values,
  }
end

return {
  id = "anru",
  api = 2,
  title = "Charte nationale d'insertion de l'ANRU (renouvellement urbain)",
  label = "Charte ANRU",
  basis = BASIS,
  order = 70,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches",
    "anru.taux_travaux", "anru.taux_gup", "anru.cpv_gup", "anru.cpv_ingenierie",
    "main_oeuvre.part", "heures.cout_horaire", "heures.arrondi",
  },
  units = {
    taux_anru = "ratio", part_main_oeuvre = "ratio", cout_horaire = "EUR/h", heures_brutes = "heures",
  },
  evaluate = include("regime")(evaluate, BASIS),
}
