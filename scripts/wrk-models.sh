#!/usr/bin/env bash
# Cross-checks the models with wrk, side by side in one session: for each model, starts the
# standalone server on a free port, warms it up, runs wrk ROUNDS times and prints the median
# requests/s and p99 per model. Loopback only.
#
#   scripts/wrk-models.sh [-c CONNECTIONS] [-d SECONDS] [-r ROUNDS] [-p PATH] [MODEL...]
#
# Needs wrk (apt-get install -y wrk), a JDK 25 in JAVA_HOME and servers/target/concbench-servers.jar
# (mvn -pl servers -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

connections=64 seconds=10 rounds=3 path=/hello
while getopts "c:d:r:p:" opt; do
  case $opt in
    c) connections=$OPTARG ;; d) seconds=$OPTARG ;; r) rounds=$OPTARG ;; p) path=$OPTARG ;;
    *) echo "usage: $0 [-c CONNECTIONS] [-d SECONDS] [-r ROUNDS] [-p PATH] [MODEL...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
jar=servers/target/concbench-servers.jar
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
[ -f "$jar" ] || { echo "$jar not found: mvn -pl servers -am package -DskipTests" >&2; exit 2; }
models=("$@")
[ ${#models[@]} -gt 0 ] || mapfile -t models < <("$java" -jar "$jar" --list | awk '{print $1}')

log=$(mktemp) out=$(mktemp)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -f "$log" "$out"; }
trap cleanup EXIT

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}'; }

printf '%-16s %12s %10s   %s\n' model "req/s" "p99 ms" "(median of $rounds x wrk -t1 -c$connections -d${seconds}s --latency $path)"
for model in "${models[@]}"; do
  "$java" -jar "$jar" --model "$model" --port 0 >"$log" 2>&1 &
  server=$!
  for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
  url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
  [ -n "$url" ] || { echo "$model did not start:"; cat "$log"; exit 1; }
  wrk -t1 -c"$connections" -d5s "$url$path" >/dev/null
  rps=() p99=()
  for _ in $(seq "$rounds"); do
    wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url$path" >"$out"
    rps+=("$(awk '/Requests\/sec/ {print $2}' "$out")")
    p99+=("$(awk '$1 == "99%" {print $2}' "$out" | to_ms)")
  done
  printf '%-16s %12.0f %10.2f   %s\n' "$model" "$(printf '%s\n' "${rps[@]}" | median)" \
    "$(printf '%s\n' "${p99[@]}" | median)" "runs: ${rps[*]}"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
