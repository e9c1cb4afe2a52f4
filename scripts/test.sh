#!/usr/bin/env bash
# Runs the whole Cordon test suite against real local services (PostgreSQL, Redis, Ceph RGW).
# This is the command CI runs (.ci/run); it needs no input and installs what is missing.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_DIR"

started=$(date +%s)
"$REPO_DIR/scripts/services.sh" start
eval "$("$REPO_DIR/scripts/services.sh" env)"

# verify: unit and @QuarkusTest suites (surefire), then tests of the packaged jar (failsafe).
mvn -B verify "$@"
# Fault injection on the packaged jar (short variant, ~3 min): Redis and PostgreSQL stopped, upstream
# slow/5xx/reset with fallback, hostile inputs; own throwaway Redis/PostgreSQL, shared Ceph untouched.
bench/faults.sh --short all
# Quarkus's native build steps without GraalVM: catches code a native image could not compile.
mvn -B -q package -DskipTests -Dnative -Dquarkus.native.sources-only=true
echo "native sources ready in target/native-sources (native-image \$(cat native-image.args) on a GraalVM host)" >&2
echo "cordon test suite finished in $(( $(date +%s) - started )) s" >&2
