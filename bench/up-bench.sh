#!/usr/bin/env bash
# Engine benchmark: `up -d` and `down` against the real daemon, compose4j beside Docker Compose when it
# is installed, in one run. Prints the median wall time of several runs of:
#   up20   `up -d` of 20 services (4 depends_on chains of 5), from nothing
#   noop   `up -d` again on those 20 services (nothing to do)
#   down   `down` of those 20 services
#   up100  `up -d` of 100 independent services, from nothing (removed after each run, untimed)
# Each tool works on its own project names; everything is removed at exit, even after a failure.
# A second table gives the median CPU time (user + system) of the same runs: on a loaded machine the wall time
# follows it. A third gives how busy the whole machine was meanwhile (dockerd, containerd, the kernel included), a
# fourth the CPU time all but the tool used: the engine's share of the work, and on a busy machine its floor.
# Usage: [BASE=OTHER/compose] bench/up-bench.sh [RUNS]     (default: 3 runs)
#   BASE: another compose4j build (its `compose` script) measured beside this one, as "base"
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-3}
work=$(mktemp -d)
tag="bench$$"

tools=(compose4j)
[ -n "${BASE:-}" ] && tools+=(base)
docker compose version >/dev/null 2>&1 && tools+=("docker compose")

run_tool() {   # run_tool TOOL ARGS...
  local tool=$1; shift
  case $tool in
    compose4j) "$here/compose" "$@" ;;
    base) "$BASE" "$@" ;;
    *) docker compose "$@" ;;
  esac
}
project() {
  case $1 in
    compose4j) echo "${tag}c4j$2" ;;
    base) echo "${tag}base$2" ;;
    *) echo "${tag}dc$2" ;;
  esac
}

cleanup() {
  set +e
  for tool in "${tools[@]}"; do
    for size in 20 100; do
      (cd "$work/p$size" 2>/dev/null && run_tool "$tool" -p "$(project "$tool" "$size")" down -t 0 >/dev/null 2>&1)
    done
  done
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# A failing command is reported; its time still counts (Engine 20.10 sometimes refuses to remove a network
# whose last containers it has just removed, "has active endpoints", with either tool).
checked() {
  if ! "$@" >"$work/out" 2>&1; then
    echo "failed: $*" >&2; tail -3 "$work/out" >&2
    return 1
  fi
}
# Busy and total CPU ticks of the whole machine so far (every process: the tool, dockerd, containerd, shims...).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
# time_once FILE CMD...: appends the wall time to FILE, the CPU time (user + system) to FILE.cpu and the share of
# the machine's CPUs busy meanwhile, in percent, to FILE.busy.
time_once() {
  local file=$1 TIMEFORMAT='%R %U %S' before after
  shift
  before=$(machine_ticks)
  { time checked "$@" 2>&3 || true; } 3>&2 2>"$work/time"
  after=$(machine_ticks)
  awk '{ print $1 }' "$work/time" >>"$file"
  awk '{ print $2 + $3 }' "$work/time" >>"$file.cpu"
  echo "$before $after" | awk '{ print ($4 > $2) ? 100 * ($3 - $1) / ($4 - $2) : 0 }' >>"$file.busy"
  # The CPU time of everything but the tool: /proc/stat counts in USER_HZ, 100 per second on Linux.
  echo "$before $after $(cat "$work/time")" | awk '{ print ($3 - $1) / 100 - $6 - $7 }' >>"$file.rest"
}
# Removal, untimed, tried again while the engine still holds a network endpoint; an endpoint it never lets go
# of leaves the network behind (the next `up` reuses it), which is reported but does not stop the benchmark.
remove() {
  for _ in 1 2 3; do
    "$@" >/dev/null 2>&1 && return 0
    sleep 2
  done
  checked "$@" || true
}

python3 "$here/bench/gen-up-project.py" 20 "$work/p20" 5
python3 "$here/bench/gen-up-project.py" 100 "$work/p100" 1

declare -A result
for tool in "${tools[@]}"; do
  # Warm-up (file cache, CDS archive, daemon image cache); untimed.
  (cd "$work/p20" && run_tool "$tool" -p "$(project "$tool" 20)" up -d >/dev/null 2>&1 \
    && run_tool "$tool" -p "$(project "$tool" 20)" down >/dev/null 2>&1) || true
done
# Tools alternate within each run, so that both see the same machine load.
for _ in $(seq "$runs"); do
  for tool in "${tools[@]}"; do
    p20=$(project "$tool" 20)
    p100=$(project "$tool" 100)
    cd "$work/p20"
    time_once "$work/$tool.up20" run_tool "$tool" -p "$p20" up -d
    time_once "$work/$tool.noop" run_tool "$tool" -p "$p20" up -d
    time_once "$work/$tool.down" run_tool "$tool" -p "$p20" down
    remove run_tool "$tool" -p "$p20" down -t 0   # in case the timed one left the network
    cd "$work/p100"
    time_once "$work/$tool.up100" run_tool "$tool" -p "$p100" up -d
    remove run_tool "$tool" -p "$p100" down -t 0
  done
done
table() {   # table SUFFIX TITLE [UNIT]
  echo "$2"
  for tool in "${tools[@]}"; do
    for m in up20 noop down up100; do
      result[$tool,$m]=$(median <"$work/$tool.$m$1")
    done
  done
  printf '%-8s' ""; for tool in "${tools[@]}"; do printf ' %15s' "$tool"; done
  [ -n "$dc" ] && printf ' %8s' ratio
  printf '\n'
  for m in up20 noop down up100; do
    printf '%-8s' "$m"
    for tool in "${tools[@]}"; do printf ' %14.3f%s' "${result[$tool,$m]}" "${3-s}"; done
    [ -n "$dc" ] && printf ' %8.2f' "$(awk -v a="${result[compose4j,$m]}" -v b="${result[docker compose,$m]}" 'BEGIN { print a / b }')"
    printf '\n'
  done
}
dc=""
for tool in "${tools[@]}"; do [ "$tool" = "docker compose" ] && dc=1; done
table "" "wall time (median of $runs; ratio: compose4j / docker compose)"
table .cpu "CPU time, user + system (median of $runs)"
# Near 100, the daemon and the kernel use every CPU: the command waits for them, whatever the client does.
table .busy "machine CPU busy during the command, % of all CPUs (median of $runs)" %
table .rest "CPU time of the rest of the machine during the command: daemon, containerd, shims, kernel (median of $runs)"
