#!/usr/bin/env bash
# Load test of `parley serve` with wrk: the events-list JSON endpoint and every HTML page, over a database of
# generated releases (ParleyBenchmark --ingest). Not part of `swift test`. See Benchmarks/README.md.
#
#   Benchmarks/serve/run.sh [--documents N] [--db PATH] [--duration S] [--connections C] [--threads T] [--bin DIR]
#
# Builds release binaries into .build-bench-serve/ (or takes parley and ParleyBenchmark from --bin DIR), creates the database when PATH does not exist yet, starts
# `parley serve` on a free loopback port and prints req/s and p50/p99 latency per URL.
set -euo pipefail
cd "$(dirname "$0")/../.."

documents=100000
db=""
duration=15
connections=16
threads=2
bin=""
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) documents=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    *) echo "usage: $0 [--documents N] [--db PATH] [--duration S] [--connections C] [--threads T] [--bin DIR]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
db=${db:-$(pwd)/.build-bench-serve/serve-$documents.sqlite}
scratch=.build-bench-serve

mkdir -p "$scratch"
if [ -z "$bin" ]; then
  swift build -c release --scratch-path "$scratch" --product parley >&2
  swift build -c release --scratch-path "$scratch" --product ParleyBenchmark >&2
  bin="$scratch/release"
fi

if [[ "$db" != postgres://* ]] && [ ! -f "$db" ]; then
  echo "generating and ingesting $documents releases into $db ..." >&2
  "$bin/ParleyBenchmark" --ingest --documents "$documents" --db "$db" --queries 0 >&2
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin/parley" serve --db "$db" --port "$port" --log-level warning 2>"$scratch/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/api/v1/stats" >/dev/null 2>&1 && break; sleep 0.2; done

# Ids of real pages to request.
json=$(curl -fsS "$base/api/v1/events?limit=1&type=MEET")
event=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"][0]["id"])')
person=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"][0]["participants"][0]["id"])')
doc=$(printf '%s' "$json" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["events"][0]["sources"][0]["documentId"]))')
pair=$(curl -fsS "$base/api/v1/countries" | python3 -c 'import json,sys; c=json.load(sys.stdin)["countries"]; print(c[0]["code"]+"/"+c[1]["code"])')
country=${pair%%/*}
org=$(curl -fsS "$base/api/v1/organizations?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["organizations"][0]["id"])')
cursor=$(curl -fsS "$base/api/v1/events?limit=50" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"])')

urls=(
  "/api/v1/events"
  "/api/v1/events?limit=50&cursor=$cursor"
  "/api/v1/events?country=$country&limit=50"
  "/"
  "/events"
  "/events?country=$country"
  "/events/E$event"
  "/people/P$person"
  "/organizations"
  "/organizations/O$org"
  "/countries"
  "/countries/$country"
  "/countries/$pair"
  "/network"
  "/documents/$doc"
  "/search?q=cooperation"
)

printf '%-48s %10s %9s %9s %9s\n' "URL" "req/s" "p50 ms" "p90 ms" "p99 ms"
for u in "${urls[@]}"; do
  # One untimed request first (it fills the response cache when it is on), then a pause so nothing queued
  # from the previous URL is still running.
  curl -s -o /dev/null --max-time 60 "$base$u" || true
  sleep 1
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base$u")
  rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
  ms() { printf '%s\n' "$out" | awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}'; }
  errors=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '%-48s %10s %9s %9s %9s %s\n' "${u:0:48}" "$rps" "$(ms 50%)" "$(ms 90%)" "$(ms 99%)" "$errors"
done
