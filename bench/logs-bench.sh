#!/usr/bin/env bash
# Log streaming benchmark: `logs` of a project of CONTAINERS containers that each wrote LINES lines, compose4j
# beside Docker Compose in one run, output to /dev/null. Prints the median wall time of RUNS runs and lines per
# second for both (the lines counted are those each printed, checked once on a run to a file).
# Usage: bench/logs-bench.sh [RUNS] [CONTAINERS] [LINES]     (default: 3 runs, 10 containers, 100000 lines)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-3}
containers=${2:-10}
lines=${3:-100000}
project="c4j-logs-bench-$$"
work=$(mktemp -d)
cleanup() { (cd "$work" && docker compose -p "$project" down -t 0 >/dev/null 2>&1 || true); rm -rf "$work"; }
trap cleanup EXIT

{
  echo "services:"
  for i in $(seq 1 "$containers"); do
    cat <<YAML
  s$i:
    image: busybox:latest
    command: ["sh", "-c", "i=0; while [ \$\$i -lt $lines ]; do echo \"s$i line \$\$i: the quick brown fox jumps over the lazy dog\"; i=\$\$((i+1)); done"]
YAML
  done
} > "$work/compose.yaml"

cd "$work"
echo "writing $containers x $lines lines..." >&2
docker compose -p "$project" up -d >/dev/null 2>&1
# wait for every container to have exited
while [ -n "$(docker ps -q --filter "label=com.docker.compose.project=$project")" ]; do sleep 1; done
expected=$((containers * lines))

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_once() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
measure() { for _ in $(seq "$runs"); do time_once "$@"; done | median; }
count() { "$@" 2>/dev/null | wc -l; }

ours_lines=$(count "$here/compose" -p "$project" logs --no-color)
ref_lines=$(count docker compose -p "$project" logs --no-color)
[ "$ours_lines" -eq "$expected" ] || echo "warning: compose4j printed $ours_lines lines, expected $expected" >&2
[ "$ref_lines" -eq "$expected" ] || echo "warning: docker compose printed $ref_lines lines, expected $expected" >&2

ours=$(measure "$here/compose" -p "$project" logs --no-color)
ref=$(measure docker compose -p "$project" logs --no-color)
printf '%-16s %10s %14s\n' "" "time" "lines/s"
printf '%-16s %9.2fs %14.0f\n' compose4j "$ours" "$(awk -v n="$expected" -v t="$ours" 'BEGIN { print n / t }')"
printf '%-16s %9.2fs %14.0f\n' "docker compose" "$ref" "$(awk -v n="$expected" -v t="$ref" 'BEGIN { print n / t }')"
