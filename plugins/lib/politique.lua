-- Who set a value of the purchasing policy (politique.*) that a reason
-- cites: the local policy, when it set the value in force for this lot,
-- else the default values of the rules. Reasons never credit a local policy
-- that was not applied.

local M = {}

-- "la politique locale" or "les valeurs par défaut des règles".
function M.qui(ctx, name, key)
  local d = ctx.lookup(name, key)
  if d and d.politique_locale then return "la politique locale" end
  return "les valeurs par défaut des règles"
end

return M
