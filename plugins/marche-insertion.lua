-- Marché de services de qualification et d'insertion professionnelle
-- (clause type `marche-insertion`): CCP R2123-1 3°, procédure
-- adaptée whatever the amount. The insertion service is the object of the
-- contract; the works or services performed are its "support".
--
-- The CPV table `marche_insertion.cpv` (rule data) says what a CPV family is
-- for this lever: "objet" (insertion, qualification: recommended), "formation"
-- (possible if it qualifies people far from employment), "support" (a simple
-- labour-intensive activity a structure d'insertion can use: possible up to
-- `marche_insertion.support_montant_max`, a practitioner's marker), "aucun"
-- (excluded sub-family). A mixed contract follows the rules of its larger
-- value (R2123-2, `marche_insertion.marche_mixte`): a support is possible only
-- if the insertion service carries the larger value, and a works lot is a
-- works contract otherwise; the reasons say so.
-- Anything else is excluded, with the reason. Never `obligatoire`.

local BASIS = { "CCP R2123-1 3°" }
local SUPPORT_BASIS = { "CCP R2123-1 3°", "CCP R2123-2" }

local CATEGORIES = { objet = true, formation = true, support = true, aucun = true }

-- The sentences (api 2): the blanks are what changes from one lot or date to
-- the next.
local LARGER_VALUE = "Selon l'article R2123-2{unsure}, {rule} : le marché n'est un marché de services de "
  .. "qualification et d'insertion professionnelle que si le service d'insertion (accueil, encadrement, formation "
  .. "des personnes) porte la plus grande part de sa valeur estimée ; sinon, c'est {otherwise}, passé selon les "
  .. "règles de droit commun."
local SUPPLIES = "Un marché de fournitures ne peut pas être un marché de services de qualification et d'insertion "
  .. "professionnelle (article R2123-1 3° du code de la commande publique) : pour ouvrir ce marché à l'insertion, "
  .. "voyez la clause d'insertion ou la réservation du marché."
local WORKS_NOT_SUPPORT = "Marché de travaux dont l'activité (code CPV {cpv}) ne se prête pas à un chantier "
  .. "d'insertion servant de support : l'objet du marché reste la réalisation de l'ouvrage, ce n'est pas un marché "
  .. "d'insertion (article R2123-1 3°) ; la clause d'insertion reste le levier adapté."
local NO_OBJECT = "L'objet du marché (code CPV {cpv}) n'est ni l'insertion ou la qualification professionnelle, "
  .. "ni une activité simple à forte main-d'œuvre qu'une structure d'insertion pourrait prendre pour support "
  .. "(prestation intellectuelle, technique ou spécialisée) : ce n'est pas un marché d'insertion au sens de "
  .. "l'article R2123-1 3°."
local PROCEDURE = "Procédure : l'article R2123-1 3° du code de la commande publique {article_text}."
local EU_NOTICE = "Le montant de la consultation ({total:euros}) atteint le seuil européen de {threshold:euros} "
  .. "des services sociaux et autres services spécifiques : la procédure reste adaptée, mais un avis doit être "
  .. "publié au Journal officiel de l'Union européenne{unsure}."
local OBJECT = "Le service (code CPV {cpv}) a pour objet l'accompagnement, la qualification ou l'insertion "
  .. "professionnelle de personnes éloignées de l'emploi : il peut être passé comme marché de services de "
  .. "qualification et d'insertion professionnelle, qui rémunère le parcours d'insertion lui-même."
local TRAINING = "Service de formation (code CPV {cpv}) : il relève du marché de qualification et d'insertion "
  .. "professionnelle s'il vise la qualification de personnes éloignées de l'emploi (et non la formation du "
  .. "personnel de l'acheteur) ; l'objet du marché doit alors être décrit comme tel."
local SUPPORT_TOO_LARGE = "L'activité (code CPV {cpv}) peut servir de support à un marché d'insertion, mais le "
  .. "montant du lot ({amount:euros}) dépasse le repère de {ceiling:euros} retenu pour les {nature} : la prestation "
  .. "support porterait vraisemblablement la plus grande part de la valeur. Préférez une clause d'insertion ou un "
  .. "lot réservé."
local SUPPORT = "L'activité (code CPV {cpv}) est simple et mobilise beaucoup de main-d'œuvre : elle peut servir "
  .. "de support à un marché de qualification et d'insertion professionnelle, dont l'objet est alors le parcours "
  .. "d'insertion (accueil, encadrement, formation des personnes), la prestation en étant le support (montant du "
  .. "lot {amount:euros}, dans la limite de {ceiling:euros} retenue pour les {nature})."
local NOT_SOCIAL_SERVICE = "Le code CPV {cpv} n'est pas dans la liste des services sociaux et autres services "
  .. "spécifiques des règles appliquées : décrivez l'objet du marché (le service d'insertion) avec un code de cette "
  .. "liste, ou vérifiez que la procédure adaptée de l'article R2123-1 3° s'applique."

local function excluded(reason)
  return { verdict = "exclue", reasons = { reason } }
end

-- The mixed-contract rule (rule data), and what it means for a support.
local function larger_value_reason(lot, ctx)
  local rule = ctx.lookup("marche_insertion.marche_mixte")
  return { LARGER_VALUE, unsure = rule.status == "verifie" and "" or " (texte à relire)", rule = rule.value,
    otherwise = lot.nature == "travaux" and "un marché de travaux" or "un marché de services ordinaire" }
end

local function no_object_reason(lot)
  return { lot.nature == "travaux" and WORKS_NOT_SUPPORT or NO_OBJECT, cpv = lot.cpv }
end

-- The procedure, and the European publicity above the threshold of the social
-- and specific services (a rule cited from memory: its status is shown).
local function procedure_reasons(lot, ctx, reasons, values)
  reasons[#reasons + 1] = { PROCEDURE, article_text = ctx.param("textes.contenu", "R2123-1 3°") }
  local seuil = ctx.try_param("seuils.ue.services_sociaux", lot.type_acheteur)
  if not seuil then return end
  values.seuil_services_sociaux = seuil
  local total = lot.total_consultation_ht
  if total < seuil then return end
  local publicity = ctx.lookup("marche_insertion.publicite_ue")
  if publicity and publicity.value then
    reasons[#reasons + 1] = { EU_NOTICE, total = total, threshold = seuil,
      unsure = publicity.status == "verifie" and "" or " (règle à vérifier)" }
  end
end

local function evaluate(lot, ctx)
  if lot.nature == "fournitures" then return excluded(SUPPLIES) end

  local category = ctx.try_param("marche_insertion.cpv", lot.cpv)
  if category and not CATEGORIES[category] then
    error(string.format("marche_insertion.cpv : catégorie « %s » inconnue pour le code CPV %s (écrivez objet, "
      .. "formation, support ou aucun)", category, lot.cpv))
  end
  local values = { categorie = category or "aucun" }
  local reasons = {}
  local verdict

  if category == "objet" and lot.nature == "services" then
    verdict = "recommandee"
    reasons[1] = { OBJECT, cpv = lot.cpv }
  elseif category == "formation" and lot.nature == "services" then
    verdict = "possible"
    reasons[1] = { TRAINING, cpv = lot.cpv }
  elseif category == "support" then
    local ceiling = ctx.try_param("marche_insertion.support_montant_max", lot.nature)
    if not ceiling then return excluded(no_object_reason(lot)) end
    values.support_montant_max = ceiling
    if lot.montant_ht > ceiling then
      return {
        verdict = "exclue",
        values = values,
        basis = SUPPORT_BASIS,
        reasons = { { SUPPORT_TOO_LARGE, cpv = lot.cpv, amount = lot.montant_ht, ceiling = ceiling,
          nature = lot.nature }, larger_value_reason(lot, ctx) },
      }
    end
    verdict = "possible"
    reasons[1] = { SUPPORT, cpv = lot.cpv, amount = lot.montant_ht, ceiling = ceiling, nature = lot.nature }
    reasons[#reasons + 1] = larger_value_reason(lot, ctx)
  else
    return { verdict = "exclue", values = values, reasons = { no_object_reason(lot) } }
  end

  procedure_reasons(lot, ctx, reasons, values)
  -- R2123-1 3° is the procedure of the services of the long list (annex XIV
  -- of directive 2014/24, the avis annexé au code): the object's code should
  -- be in it.
  local warnings = {}
  local listed = ctx.try_param("services_sociaux.cpv", lot.cpv)
  values.liste_services_sociaux = listed == true
  if category ~= "support" and listed == false then
    warnings[1] = { NOT_SOCIAL_SERVICE, cpv = lot.cpv }
  end
  return { verdict = verdict, reasons = reasons, values = values, warnings = warnings,
    basis = category == "support" and SUPPORT_BASIS or BASIS }
end

return {
  id = "marche-insertion",
  api = 2,
  title = "Marché de services de qualification et d'insertion professionnelle",
  label = "Marché insert.",
  basis = BASIS,
  order = 60,
  params = {
    "textes.correspondance", "textes.concessions", "textes.propres_aux_marches", "textes.contenu",
    "marche_insertion.cpv", "marche_insertion.support_montant_max", "marche_insertion.publicite_ue",
    "marche_insertion.marche_mixte", "services_sociaux.cpv",
    "seuils.ue.services_sociaux",
  },
  units = { seuil_services_sociaux = "EUR", support_montant_max = "EUR" },
  evaluate = include("regime")(evaluate, BASIS),
}
