#!/usr/bin/env bash
# Load benchmark of ./scratchnet serve (not a test): wrk sends single-row POST /predict requests on
# the loopback interface for DURATION (default 60s) after a 10 s warm-up, RUNS times (default 2) on the
# same server, and prints requests/s, p50 and p99 latency, the errors (non-2xx answers and socket
# errors) and the server's memory before and after each run: heap in use after a full GC and the
# resident set size (jcmd and /proc).
#   RUNS=2 bench/serve-load.sh [MODEL.zip] [DURATION] [CONNECTIONS]
# Needs wrk (apt-get install -y wrk) and a JDK's jcmd. Results: BENCHMARKS.md, "Serving".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-$root/server/src/test/resources/digits-model.zip}"
duration="${2:-60s}"
connections="${3:-16}"
command -v wrk >/dev/null || { echo "serve-load: wrk is needed (apt-get install -y wrk)" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
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
LUA

"$root/scratchnet" serve --model "$model" --port 0 > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  url="$(grep -o 'http://[^ ]*' "$work/server.out" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.out" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "serve-load: the server printed no address" >&2; exit 1; }
echo "server: $url (pid $server_pid); $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

memory() {
  jcmd "$server_pid" GC.run > /dev/null
  local heap rss
  heap="$(jcmd "$server_pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+')"
  rss="$(grep VmRSS "/proc/$server_pid/status" | grep -oE '[0-9]+')"
  echo "$1: heap used after full GC $((heap / 1024)) MiB, resident $((rss / 1024)) MiB"
}

wrk -t2 -c"$connections" -d10s -s "$work/predict.lua" "${url}predict" > /dev/null
memory "memory before"
for run in $(seq 1 "${RUNS:-2}"); do
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/predict.lua" "${url}predict" | tee -a "$work/wrk.out"
  memory "memory after run $run"
done
answer="$(curl -s -H 'Content-Type: application/json' -d "{\"rows\": [[$row]]}" "${url}predict")"
echo "one answer: $answer"
# wrk prints these lines only when there were such errors
errors="$({ grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$work/wrk.out" || true; } | awk '{ sum += $NF } END { print sum + 0 }')"
socket="$(grep -oE 'Socket errors: .*' "$work/wrk.out" || echo 'none')"
echo "errors over all runs: ${errors:-0} non-2xx answers; socket errors: $socket"
