-- Tables kept per ctx: a ctx stands for the rules in force on one date, so
-- what a plugin derives from rule data that only the date changes (a start
-- date, who set a policy value, a sentence built from a rule's text) is
-- worked out once per ctx instead of once per lot. Weak keys: an entry goes
-- with its ctx. Each lot must still read the parameters it uses (ctx.param),
-- so that its trace is whole.
--
--   local memo = include("memo")
--   local known = memo.per_ctx()
--   local k = known(ctx)            -- the table kept for ctx's date
--   local by_key = memo.sub(k, name) -- k[name], made on first use

local M = {}

-- t[key], an empty table made on first use.
function M.sub(t, key)
  local s = t[key]
  if not s then
    s = {}
    t[key] = s
  end
  return s
end

-- A function ctx -> the table kept for that ctx, empty at first.
function M.per_ctx()
  local by_ctx = setmetatable({}, { __mode = "k" })
  return function(ctx) return M.sub(by_ctx, ctx) end
end

return M
