#!/usr/bin/env bash
# Start-up benchmark of compose-junit: a 3-service stack (bench/junit/compose.yaml) brought up until ready through
# the extension's code path and through Testcontainers' ComposeContainer (local `docker compose`), in one run.
# Needs the daemon and `docker compose` (../shared/ci/install-reference-compose.sh). Usage: bench/junit-startup-bench.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
docker compose version
mvn -q -o -pl compose-junit -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="compose-junit/target/test-classes:compose-junit/target/classes:$(cat compose-junit/target/bench.classpath)"
TESTCONTAINERS_RYUK_DISABLED=true java -cp "$cp" io.github.compose4j.junit.StartupBenchmark bench/junit/compose.yaml "${1:-5}"
