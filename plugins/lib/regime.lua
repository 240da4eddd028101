-- Shared by every plugin: the texts that govern the lot, by its kind of
-- contract and its date. Wraps a plugin's evaluate:
--   include("regime")(evaluate, BASIS)
--
-- A concession (lot.concession) falls under the third part of the code:
--   * an article of the basis that only public contracts have (rule data
--     textes.propres_aux_marches) makes the verdict `exclue`, with the rule's
--     reason, without evaluating the lot as a public contract;
--   * otherwise each article of the basis is replaced by its concessions twin
--     (textes.concessions), and one more reason lists them.
-- A public contract launched before the code (1 April 2019): the articles of
-- the time that the code's articles stand for (textes.correspondance), as one
-- more reason.

-- A lot without a CPV code (a DECP concession: the concessions' schema has
-- none) is shown to the plugin with its code said to be unpublished, so that
-- each sentence about « le code CPV … » reads; looked up by that text, the
-- rules by CPV give their defaults only, as for an empty code.
local NO_CPV = "(non publié)"

local function with_cpv_said(lot)
  if lot.cpv ~= "" then return lot end
  return setmetatable({ cpv = NO_CPV }, { __index = lot })
end

-- The article of a basis entry ("CCP L2113-12" -> "L2113-12"; false for
-- another text), read once per entry: the entries are constants of the
-- plugins (a plugin that made them per lot would only start the list again).
local MAX_ENTRIES = 1000 -- memory bound, not law
local entries = 0
local articles = setmetatable({}, {
  __index = function(known, entry)
    local article = entry:match("^CCP (.+)$") or false
    if entries >= MAX_ENTRIES then
      for e in pairs(known) do known[e] = nil end
      entries = 0
    end
    known[entry], entries = article, entries + 1
    return article
  end,
})

-- Per ctx (one a date, for one set of rules): the articles that have no text
-- of the time. A lookup that finds nothing leaves no trace, so it is not made
-- again for the next lots of that date; one that finds a text is, so that
-- each lot's trace names it.
local without_earlier = include("memo").per_ctx()

-- " (… à vérifier sur Légifrance)" when a status is not `verifie`.
local function caution(status, what)
  if status == "verifie" then return "" end
  return " (" .. what .. " à vérifier sur Légifrance)"
end

-- The first article of the basis that concessions do not have, as a result.
local function public_contracts_only(ctx, basis)
  for _, b in ipairs(basis) do
    local article = articles[b]
    local only = article and ctx.lookup("textes.propres_aux_marches", article)
    if only then
      return {
        verdict = "exclue",
        reasons = { string.format("Contrat de concession : %s%s.", only.value, caution(only.status, "point")) },
        basis = basis,
      }
    end
  end
end

-- The basis with the concessions' articles, and the reason that lists them.
local function concession_texts(ctx, basis)
  local out, listed, status = {}, {}, "verifie"
  for i, b in ipairs(basis) do
    local article = articles[b]
    local twin = article and ctx.lookup("textes.concessions", article)
    out[i] = b
    if twin then
      out[i] = "CCP " .. twin.value
      listed[#listed + 1] = string.format("%s : %s", article, twin.value)
      if twin.status ~= "verifie" then status = twin.status end
    end
  end
  if #listed == 0 then return out, nil end
  return out, string.format("Contrat de concession : les articles des contrats de concession tiennent lieu des "
    .. "articles des marchés publics cités%s ; %s.", caution(status, "correspondances"),
    table.concat(listed, " ; "))
end

-- The articles of the time, for a launch before the code, as one reason.
local function earlier_texts(ctx, basis)
  local none = without_earlier(ctx)
  local listed, status
  -- As ipairs goes, without its call per entry.
  local i, b = 1, basis[1]
  while b ~= nil do
    local article = articles[b]
    if article and not none[article] then
      local old = ctx.lookup("textes.correspondance", article)
      if old then
        listed = listed or {}
        listed[#listed + 1] = string.format("%s : %s", article, old.value)
        if old.status ~= "verifie" then status = old.status end
      else
        none[article] = true
      end
    end
    i = i + 1
    b = basis[i]
  end
  if not listed then return nil end
  return string.format("Lancement antérieur au code de la commande publique (1er avril 2019) : les règles de "
    .. "l'époque s'appliquent, et les articles du code cités correspondent aux textes de l'époque%s ; %s.",
    caution(status or "verifie", "correspondances"), table.concat(listed, " ; "))
end

return function(evaluate, basis)
  return function(lot, ctx)
    lot = with_cpv_said(lot)
    if lot.concession then
      local excluded = public_contracts_only(ctx, basis)
      if excluded then return excluded end
      local result = evaluate(lot, ctx)
      local note
      result.basis, note = concession_texts(ctx, result.basis or basis)
      if note then result.reasons[#result.reasons + 1] = note end
      return result
    end
    local result = evaluate(lot, ctx)
    local note = earlier_texts(ctx, result.basis or basis)
    if note then result.reasons[#result.reasons + 1] = note end
    return result
  end
end
