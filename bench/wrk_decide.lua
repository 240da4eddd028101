-- PUT decisions with a session (cookie and X-CSRF-Token), cycling through
-- the lots of the programme "charge" (bench/serve_setup.sh); the hours
-- change at each round, so that each request writes.
dofile("bench/wrk_summary.lua")
local work = os.getenv("WORK")
local cookie, csrf = os.getenv("COOKIE"):match("^(%S+) (%S+)$")
local refs = {}
for line in io.lines(work .. "/refs.txt") do refs[#refs + 1] = line end
local n = 0
request = function()
  n = n + 1
  local ref = refs[(n % #refs) + 1]
  local body = string.format('{"verdict": "recommandee", "hours": %d, "motif": null, "comment": "charge"}',
    100 + n % 997)
  return wrk.format("PUT", "/api/programmes/charge/lots/" .. ref .. "/clauses/insertion", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "clausier_session=" .. cookie,
    ["X-CSRF-Token"] = csrf,
  }, body)
end
done = function(summary, latency, requests) summary_line(summary, latency) end
