-- POST /api/evaluate with a 100-lot programme (bench/serve_setup.sh).
dofile("bench/wrk_summary.lua")
local work = os.getenv("WORK")
local function read(name)
  local f = assert(io.open(work .. "/" .. name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end
wrk.method = "POST"
wrk.path = "/api/evaluate"
wrk.body = read("evaluate.body")
wrk.headers["Content-Type"] = read("evaluate.type")
done = function(summary, latency, requests) summary_line(summary, latency) end
