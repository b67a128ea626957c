#!/usr/bin/env bash
# Loading benchmark: `config -q` on generated projects of growing size, compose4j beside Docker
# Compose when it is installed, in one run. Prints the median wall time of several runs per size.
# Usage: bench/config-bench.sh [RUNS] [SIZES...]     (default: 5 runs; 250 1000 2000 services)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250 1000 2000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_once() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
measure() {
  local dir=$1; shift
  (cd "$dir" && "$@" >/dev/null 2>&1 || true)   # warm-up: file cache, JIT archive
  for _ in $(seq "$runs"); do (cd "$dir" && time_once "$@"); done | median
}

have_reference=false
docker compose version >/dev/null 2>&1 && have_reference=true
printf '%-10s %14s %14s\n' services compose4j "docker compose"
for n in "${sizes[@]}"; do
  python3 "$here/bench/gen-project.py" "$n" "$work/p$n"
  ours=$(measure "$work/p$n" "$here/compose" -p bench config -q)
  ref="-"
  $have_reference && ref=$(printf '%.3fs' "$(measure "$work/p$n" docker compose -p bench config -q)")
  printf '%-10s %13.3fs %14s\n' "$n" "$ours" "$ref"
done
printf '%-10s %13.3fs\n' version "$(measure "$work" "$here/compose" version)"
