#!/usr/bin/env bash
# Build benchmark: `compose build` of a context of 10,000 small files, compose4j beside
# `DOCKER_BUILDKIT=0 docker compose build` (the engine's classic builder, as compose4j uses) in one run.
# Prints the median wall time of several rounds of:
#   ctx10k   `build` of a service whose context holds 10,000 files of 100 bytes (in 100 directories); the
#            Dockerfile copies nothing, so its steps are cached and the time is mostly the context upload
#   ctx1     the same build with a context of one file
#   upload   ctx10k - ctx1: the context-upload part alone (walk, tar, send, the engine's unpacking)
# Rounds alternate the tools; each builds its own image name, removed at exit even after a failure.
# Usage: bench/build-bench.sh [ROUNDS]     (default: 5 rounds)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-5}
work=$(mktemp -d)
tag="bbench$$"

tools=(compose4j)
docker compose version >/dev/null 2>&1 && tools+=("docker compose")

run_tool() {   # run_tool TOOL ARGS...
  local tool=$1; shift
  case $tool in
    compose4j) "$here/compose" "$@" ;;
    *) DOCKER_BUILDKIT=0 docker compose "$@" ;;
  esac
}
project() {
  case $1 in
    compose4j) echo "${tag}c4j" ;;
    *) echo "${tag}dc" ;;
  esac
}

cleanup() {
  set +e
  for tool in "${tools[@]}"; do
    for ctx in ctx10k ctx1; do
      docker image rm -f "$(project "$tool")$ctx-app" >/dev/null 2>&1
    done
  done
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
checked() {
  if ! "$@" >"$work/out" 2>&1; then
    echo "failed: $*" >&2; tail -3 "$work/out" >&2
    return 1
  fi
}
time_once() {   # time_once FILE CMD...: appends the wall time to FILE
  local file=$1 TIMEFORMAT='%R'
  shift
  { time checked "$@" 2>&3 || true; } 3>&2 2>"$work/time"
  cat "$work/time" >>"$file"
}

make_project() {   # make_project DIR FILES
  mkdir -p "$1"
  printf 'FROM busybox:latest\nLABEL bench=build\n' >"$1/Dockerfile"
  printf 'services:\n  app:\n    build: .\n' >"$1/compose.yaml"
  python3 - "$1" "$2" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "src", "d%03d" % (i // 100)) if n > 1 else root
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%05d.txt" % i), "w") as f:
        f.write(("%05d" % i) * 20)
PY
}
make_project "$work/ctx10k" 10000
make_project "$work/ctx1" 1

declare -A result
for ctx in ctx10k ctx1; do
  for tool in "${tools[@]}"; do   # warm-up: the first build of each tool fills the cache
    (cd "$work/$ctx" && checked run_tool "$tool" -p "$(project "$tool")$ctx" build)
  done
  for ((r = 1; r <= rounds; r++)); do
    for tool in "${tools[@]}"; do
      (cd "$work/$ctx" && time_once "$work/$ctx.$tool" run_tool "$tool" -p "$(project "$tool")$ctx" build)
    done
  done
  for tool in "${tools[@]}"; do
    result[$ctx.$tool]=$(median <"$work/$ctx.$tool")
  done
done

printf 'median of %d rounds (seconds)\n' "$rounds"
printf '%-8s' ""; for tool in "${tools[@]}"; do printf '%16s' "$tool"; done; echo
for row in ctx10k ctx1 upload; do
  printf '%-8s' "$row"
  for tool in "${tools[@]}"; do
    if [ "$row" = upload ]; then
      value=$(awk -v a="${result[ctx10k.$tool]}" -v b="${result[ctx1.$tool]}" 'BEGIN { printf "%.3f", a - b }')
    else
      value=${result[$row.$tool]}
    fi
    printf '%16s' "$value"
  done
  echo
done
