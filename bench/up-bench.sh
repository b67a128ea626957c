#!/usr/bin/env bash
# Engine benchmark: `up -d` and `down` against the real daemon, compose4j beside Docker Compose when it
# is installed, in one run. Prints the median wall time of several runs of:
#   up20   `up -d` of 20 services (4 depends_on chains of 5), from nothing
#   noop   `up -d` again on those 20 services (nothing to do)
#   down   `down` of those 20 services
#   up100  `up -d` of 100 independent services, from nothing (removed after each run, untimed)
# Each tool works on its own project names; everything is removed at exit, even after a failure.
# Usage: bench/up-bench.sh [RUNS]     (default: 3 runs)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-3}
work=$(mktemp -d)
tag="bench$$"

tools=(compose4j)
docker compose version >/dev/null 2>&1 && tools+=("docker compose")

run_tool() {   # run_tool TOOL ARGS...
  local tool=$1; shift
  if [ "$tool" = compose4j ]; then "$here/compose" "$@"; else docker compose "$@"; fi
}
project() { [ "$1" = compose4j ] && echo "${tag}c4j$2" || echo "${tag}dc$2"; }

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
time_once() {
  local s e
  s=$(date +%s.%N)
  checked "$@" || true
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'
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
    time_once run_tool "$tool" -p "$p20" up -d >>"$work/$tool.up20"
    time_once run_tool "$tool" -p "$p20" up -d >>"$work/$tool.noop"
    time_once run_tool "$tool" -p "$p20" down >>"$work/$tool.down"
    remove run_tool "$tool" -p "$p20" down -t 0   # in case the timed one left the network
    cd "$work/p100"
    time_once run_tool "$tool" -p "$p100" up -d >>"$work/$tool.up100"
    remove run_tool "$tool" -p "$p100" down -t 0
  done
done
for tool in "${tools[@]}"; do
  for m in up20 noop down up100; do
    result[$tool,$m]=$(median <"$work/$tool.$m")
  done
done

printf '%-8s' ""; for tool in "${tools[@]}"; do printf ' %15s' "$tool"; done
[ ${#tools[@]} -gt 1 ] && printf ' %8s' ratio
printf '\n'
for m in up20 noop down up100; do
  printf '%-8s' "$m"
  for tool in "${tools[@]}"; do printf ' %14.3fs' "${result[$tool,$m]}"; done
  [ ${#tools[@]} -gt 1 ] && printf ' %8.2f' "$(awk -v a="${result[compose4j,$m]}" -v b="${result[docker compose,$m]}" 'BEGIN { print a / b }')"
  printf '\n'
done
