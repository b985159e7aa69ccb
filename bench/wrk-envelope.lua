-- Gateway-only load with wrk (Debian package `wrk`): posts one gzip-compressed envelope captured from
-- sentry-python, authenticated with X-Sentry-Auth as the SDK does. Every request carries the same
-- event id, so this measures acceptance (auth, decompression, validation, Kafka acknowledgement), not
-- the pipeline behind it; use dev.vigil.bench.ingest.IngestBenchmark for the end-to-end delay.
-- Usage: VIGIL_KEY=<public key> wrk -t2 -c64 -d20s -s bench/wrk-envelope.lua http://localhost:8010/api/<project>/envelope/
local f = assert(io.open(os.getenv("VIGIL_ENVELOPE_GZ") or "/tmp/vigil-bench-envelope.gz", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Encoding"] = "gzip"
wrk.headers["Content-Type"] = "application/x-sentry-envelope"
wrk.headers["X-Sentry-Auth"] = "Sentry sentry_key=" .. os.getenv("VIGIL_KEY") .. ", sentry_version=7, sentry_client=sentry.python/2.75.0"

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
end
