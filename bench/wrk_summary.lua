-- wrk's end of run, one line the load test and the bench parse:
-- requests=N socket_errors=N non2xx=N rps=R p50_us=N p99_us=N
function summary_line(summary, latency)
  local e = summary.errors
  io.write(string.format("requests=%d socket_errors=%d non2xx=%d rps=%.1f p50_us=%d p99_us=%d\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99)))
end
