-- Who set a value of the purchasing policy (politique.*) that a reason
-- cites: the local policy, when it set the value in force for this lot,
-- else the default values of the rules. Reasons never credit a local policy
-- that was not applied.

local M = {}

local LOCAL_POLICY = "la politique locale"
local DEFAULTS = "les valeurs par défaut des règles"

-- Who set each (name, key), by ctx: the rules in force, hence the answer, are
-- those of the ctx's date. Weak keys: an entry goes with its ctx.
local memo = include("memo")
local known = memo.per_ctx()
local NO_KEY = {}

-- "la politique locale" or "les valeurs par défaut des règles". The caller
-- has read the value (ctx.param(name, key)) in this call, so its trace entry
-- is there: the rule data is looked up once per ctx and (name, key).
function M.qui(ctx, name, key)
  local by_key = memo.sub(known(ctx), name)
  local who = by_key[key or NO_KEY]
  if not who then
    local d = ctx.lookup(name, key)
    who = d and d.politique_locale and LOCAL_POLICY or DEFAULTS
    by_key[key or NO_KEY] = who
  end
  return who
end

return M
