#!/usr/bin/env bash
# Compares one of our blocking models with its minimal yardstick (MinimalServer.java), side by
# side: both servers run at once, wrk alternates between them ROUNDS times (ours first in odd
# rounds, the yardstick first in even ones, so that a drift in the machine's speed falls on both
# sides alike), and the script prints each round's requests/s and server CPU per request (from
# /proc), then the ratios model/yardstick of both: median, middle half and spread (min..max) of
# the per-round ratios. On a busy machine the CPU per request is the steadier of the two.
# Loopback only.
#
# As in the suite's A/B runs, the servers share one CPU (the last) and wrk has the others, so
# that the load generator and the server under test do not take turns on one core; -u lets the
# scheduler place them instead. With one CPU nothing is pinned.
#
#   scripts/yardstick/compare.sh [-c CONNECTIONS] [-d SECONDS] [-r ROUNDS] [-w SECONDS] [-k] [-u] [-j JAR] MODEL
#
# MODEL is thread, virtual or pool; -k sends Connection: close on every request (the close
# scenario); -j runs the model from another build's jar (e.g. the base commit's, for a before and
# after); -w is each server's warm-up before the first round (5 s). Needs wrk, taskset, a JDK 25
# in JAVA_HOME and servers/target/concbench-servers.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

usage="usage: $0 [-c CONNECTIONS] [-d SECONDS] [-r ROUNDS] [-w SECONDS] [-k] [-u] [-j JAR] thread|virtual|pool"
connections=64 seconds=5 rounds=5 warmup=5 header=() jar=servers/target/concbench-servers.jar pin=true
while getopts "c:d:r:w:kuj:" opt; do
  case $opt in
    c) connections=$OPTARG ;; d) seconds=$OPTARG ;; r) rounds=$OPTARG ;; w) warmup=$OPTARG ;;
    k) header=(-H "Connection: close") ;; u) pin=false ;; j) jar=$OPTARG ;; *) echo "$usage" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
model=${1:?$usage}
java="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
server_cpu=() client_cpu=()
last_cpu=$(($(nproc) - 1))
if $pin && [ "$last_cpu" -gt 0 ]; then
  command -v taskset >/dev/null || { echo "taskset not found (util-linux); or -u not to pin" >&2; exit 2; }
  server_cpu=(taskset -c "$last_cpu") client_cpu=(taskset -c "0-$((last_cpu - 1))")
fi
[ -f "$jar" ] || { echo "$jar not found: mvn -pl servers -am package -DskipTests" >&2; exit 2; }

logs=$(mktemp -d) pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$logs"; }
trap cleanup EXIT

start() { # NAME COMMAND...: starts a server (in this shell, so the trap can stop it); sets pid and url
  local name=$1; shift
  "$@" >"$logs/$name" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 300); do grep -q "listening on" "$logs/$name" && break; sleep 0.1; done
  url=$(grep -o 'http://[0-9.:]*' "$logs/$name" | head -1)
  [ -n "$url" ] || { echo "$name did not start:" >&2; cat "$logs/$name" >&2; exit 1; }
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
round() { # PID URL: prints requests/s and CPU microseconds per request
  local before after out rps
  before=$(cpu_ticks "$1")
  out=$("${client_cpu[@]}" wrk -t1 -c"$connections" -d"${seconds}s" "${header[@]}" "$2/hello")
  after=$(cpu_ticks "$1")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  awk -v rps="$rps" -v ticks=$((after - before)) -v s="$seconds" -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "%.0f %.1f\n", rps, ticks / hz * 1e6 / (rps * s)}'
}

start ours "${server_cpu[@]}" "$java" -jar "$jar" --model "$model" --port 0
ours_pid=$pid ours=$url
start mini "${server_cpu[@]}" "$java" scripts/yardstick/MinimalServer.java "$model" 0
mini_pid=$pid mini=$url
for url in "$ours" "$mini"; do
  "${client_cpu[@]}" wrk -t1 -c"$connections" -d"${warmup}s" "${header[@]}" "$url/hello" >/dev/null
done

printf '%-5s %12s %10s %12s %10s %7s %9s\n' round "$model req/s" "µs CPU" "minimal" "µs CPU" ratio "CPU ratio"
ratios=() cpu_ratios=()
for r in $(seq "$rounds"); do
  if ((r % 2)); then
    read -r a acpu < <(round "$ours_pid" "$ours")
    read -r b bcpu < <(round "$mini_pid" "$mini")
  else
    read -r b bcpu < <(round "$mini_pid" "$mini")
    read -r a acpu < <(round "$ours_pid" "$ours")
  fi
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')
  cpu_ratio=$(awk -v a="$acpu" -v b="$bcpu" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio") cpu_ratios+=("$cpu_ratio")
  printf '%-5s %12s %10s %12s %10s %7s %9s\n' "$r" "$a" "$acpu" "$b" "$bcpu" "$ratio" "$cpu_ratio"
done
summary() { # the median, the middle half (nearest-rank quartiles) and the whole spread of a column of ratios
  sort -g | awk '{v[NR] = $1} END {
    q1 = v[int((NR + 3) / 4)]; q3 = v[int((3 * NR + 3) / 4)]
    printf "%.3f (middle half %.3f..%.3f, spread %.3f..%.3f)", (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2, q1, q3, v[1], v[NR]
  }'
}
echo "$model -c$connections ${header[*]} ${server_cpu[*]:+(servers on CPU $last_cpu)}: median throughput ratio $(printf '%s\n' "${ratios[@]}" | summary)," \
  "median server CPU per request ratio $(printf '%s\n' "${cpu_ratios[@]}" | summary), over $rounds rounds"
