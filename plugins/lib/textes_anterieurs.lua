-- Shared by every plugin: for a lot launched before the code de la commande
-- publique (1 April 2019), the articles of the time that the code articles of
-- its basis stand for (rule data: textes.correspondance), as one more reason.
-- Wraps a plugin's evaluate: include("textes_anterieurs")(evaluate, BASIS).

local function reason(ctx, basis)
  local listed, status = {}, "verifie"
  for _, b in ipairs(basis) do
    local article = b:match("^CCP (.+)$")
    local old = article and ctx.lookup("textes.correspondance", article)
    if old then
      listed[#listed + 1] = string.format("%s : %s", article, old.value)
      if old.status ~= "verifie" then status = old.status end
    end
  end
  if #listed == 0 then return nil end
  local unsure = status == "verifie" and "" or " (correspondances à vérifier sur Légifrance)"
  return string.format("Lancement antérieur au code de la commande publique (1er avril 2019) : les règles de "
    .. "l'époque s'appliquent, et les articles du code cités correspondent aux textes de l'époque%s ; %s.",
    unsure, table.concat(listed, " ; "))
end

return function(evaluate, basis)
  return function(lot, ctx)
    local result = evaluate(lot, ctx)
    local note = reason(ctx, result.basis or basis)
    if note then result.reasons[#result.reasons + 1] = note end
    return result
  end
end
