-- wrk reporter: p95 latency and requests per second, one line, for directory-bench.sh.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("p95_ms=%.2f rps=%.1f requests=%d errors=%d\n", latency:percentile(95) / 1000,
    summary.requests / seconds, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
