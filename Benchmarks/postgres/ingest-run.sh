#!/usr/bin/env bash
# One timed `parley ingest` of a directory of releases into a fresh schema of a running PostgreSQL server, with the
# client's CPU (from /usr/bin/time), the server's CPU (utime+stime of the postmaster and its children, exited ones
# included through the postmaster's cutime+cstime, from /proc) and the load average.
#   [PARLEY_ARGS="--jobs 2"] Benchmarks/postgres/ingest-run.sh PARLEY RELEASES-DIR DATA-DIR URL [SCHEMA]
# DATA-DIR is the server's data directory (its postmaster.pid names the server); URL has no ?schema= part.
set -euo pipefail
parley=$1 releases=$2 data=$3 url=$4 schema=${5:-bench_$(date +%s%N)}
tick=$(getconf CLK_TCK)
server_ticks() {
  local pm; pm=$(head -n 1 "$data/postmaster.pid")
  local total; total=$(awk '{print $14+$15+$16+$17}' "/proc/$pm/stat")
  for c in $(cat "/proc/$pm/task/$pm/children"); do
    [ -r "/proc/$c/stat" ] && total=$((total + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
load=$(cut -d' ' -f1-3 /proc/loadavg)
before=$(server_ticks)
out=$( { /usr/bin/time -f 'TIME %e s wall, %U s user, %S s sys' "$parley" ingest ${PARLEY_ARGS:-} "$releases" --db "$url?schema=$schema" ; } 2>&1 )
sleep 0.5; after=$(server_ticks)
echo "$out" | grep -E "^TIME|^ingest: [0-9]+ new" || echo "$out"
wall=$(echo "$out" | sed -n 's/^TIME \([0-9.]*\) s wall.*/\1/p')
docs=$(echo "$out" | sed -n 's/.*: \([0-9]*\) documents, .*/\1/p')
echo "schema $schema; load before $load, after $(cut -d' ' -f1-3 /proc/loadavg); server CPU $(echo "scale=2; ($after - $before) / $tick" | bc) s; $(echo "scale=0; $docs / $wall" | bc) documents/s"
