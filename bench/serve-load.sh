#!/usr/bin/env bash
# Load and soak benchmark of ./scratchnet serve (not a test). wrk sends single-row POST /predict
# requests on the loopback interface over CONNECTIONS connections (default 64) for DURATION (default
# 120s; the soak is 10m) after a 10 s warm-up, while beside it:
#   - bench/slow-clients.py keeps ATTACK uploads (default 250; 0 for none) trickling one byte a second,
#   - GET /health is timed once a second,
#   - the server's resident set size (VmRSS) is read every 2 s: memory *under load*, as an operator sees it.
# Prints requests/s, latency p50/p99/p99.9/max (from wrk's own histogram), the errors (non-2xx answers
# and socket errors), RSS under load (first, median, max, last), the slowest /health and what the slow
# clients got. The server runs as the launcher starts it: with its default heap bound (-Xmx256m) unless
# SCRATCHNET_JAVA_OPTS sets one.
#   bench/serve-load.sh [MODEL.zip] [DURATION] [CONNECTIONS]
#   ATTACK=0 bench/serve-load.sh                 # load alone
#   bench/serve-load.sh "" 10m 64                # the 10-minute soak
# Needs wrk (apt-get install -y wrk), curl and python3. Results: BENCHMARKS.md, "Serving".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$root/server/src/test/resources/digits-model.zip}"
[ -n "$model" ] || model="$root/server/src/test/resources/digits-model.zip"
duration="${2:-120s}"
connections="${3:-64}"
attack="${ATTACK:-250}"
command -v wrk >/dev/null || { echo "serve-load: wrk is needed (apt-get install -y wrk)" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
server_pid=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# the first bundled 8×8 digit (a 0), pixels 0..16, as one row
row="0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0"
cat > "$work/predict.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"rows": [[$row]]}'
done = function(summary, latency, requests)
  io.write(string.format("latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d in %.1f s (%.0f/s); errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
LUA

"$root/scratchnet" serve --model "$model" --port 0 > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 600); do
  url="$(grep -o 'http://[^ ]*' "$work/server.out" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.out" "$work/server.err" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "serve-load: the server printed no address" >&2; exit 1; }
# the launcher execs java, so $server_pid is the JVM
echo "server: $url (pid $server_pid); $(grep -m1 '^heap' "$work/server.out" || true)"
echo "machine: $(nproc) CPUs, load average before $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$connections -d$duration; slow uploads beside: $attack"
rss() { grep VmRSS "/proc/$server_pid/status" | grep -oE '[0-9]+'; }
echo "resident before warm-up: $(( $(rss) / 1024 )) MiB"

wrk -t2 -c"$connections" -d10s -s "$work/predict.lua" "${url}predict" > /dev/null
echo "resident after warm-up: $(( $(rss) / 1024 )) MiB"

port="$(echo "$url" | grep -oE ':[0-9]+/' | tr -d ':/')"
if [ "$attack" -gt 0 ]; then
  python3 "$root/bench/slow-clients.py" 127.0.0.1 "$port" "$attack" > "$work/attack.out" 2>&1 &
  pids+=($!)
  attack_pid=$!
fi
( while true; do rss >> "$work/rss"; sleep 2; done ) &
pids+=($!)
( while true; do curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' "${url}health" >> "$work/health" || echo "000 10" >> "$work/health"; sleep 1; done ) &
pids+=($!)

wrk -t2 -c"$connections" -d"$duration" -s "$work/predict.lua" "${url}predict" | tee "$work/wrk.out" | grep -E 'latency ms|requests:'

if [ "$attack" -gt 0 ]; then kill -TERM "$attack_pid"; wait "$attack_pid" 2>/dev/null || true; cat "$work/attack.out"; fi
sort -n "$work/rss" | awk -v first="$(head -n 1 "$work/rss")" -v last="$(tail -n 1 "$work/rss")" \
  '{ v[NR] = $1 } END { printf "resident under load (%d samples): first %d MiB, median %d MiB, max %d MiB, last %d MiB\n", NR, first / 1024, v[int((NR + 1) / 2)] / 1024, v[NR] / 1024, last / 1024 }'
awk '{ n++; if ($1 != "200") bad++; if ($2 > worst) worst = $2 } END { printf "GET /health beside it: %d asked, %d not 200, slowest %.3f s\n", n, bad, worst }' "$work/health"
echo "server log lines: $(wc -l < "$work/server.err") (one per refused or abandoned request; no stack traces: $(grep -c $'^\tat ' "$work/server.err" || true) trace lines)"
answer="$(curl -s -H 'Content-Type: application/json' -d "{\"rows\": [[$row]]}" "${url}predict")"
echo "one answer after: $answer"
