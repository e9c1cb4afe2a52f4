#!/usr/bin/env bash
# Cold start of the packaged gateway: time from process launch to the first successful
# AUTHENTICATED `GET /v1/models`, and the resident memory right after. Each variant is started
# RUNS times on a fresh random port and stopped again; the medians are printed as a markdown table.
#
#   mvn -B -q package -DskipTests     # target/quarkus-app/ (and target/*-runner for native)
#   bench/startup.sh [RUNS]           # RUNS defaults to 5
#
# The authenticated probe is the point: it needs PostgreSQL (key lookup), Redis and the whole
# pipeline, where /q/health/live would only prove the HTTP server is up.
#
# Variants (skipped with a note when their artifact or JDK is missing):
#   jdk17          java -jar target/quarkus-app/quarkus-run.jar           (JAVA17, default: system JDK 17)
#   temurin25      the same jar on Temurin 25                              (JAVA25)
#   temurin25-aot  Temurin 25 with the AOT cache target/quarkus-app/app.aot. To produce it, build
#                  with -Dquarkus.package.jar.aot.enabled=true and let the integration tests train
#                  it: mvn -B verify -DskipITs=false -Dquarkus.package.jar.aot.enabled=true, run
#                  with Temurin 25 as JAVA_HOME (the cache only loads on the JDK build that wrote it).
#   native         target/*-runner, from a GraalVM/Mandrel 25 host (see knative/README.md)
#
# Settings (environment): RUNS, START_TIMEOUT (seconds per start, default 60), JAVA17, JAVA25,
# CORDON_BENCH_DB (database of its own, default cordon_bench; created when missing).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-${RUNS:-5}}
START_TIMEOUT=${START_TIMEOUT:-60}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
APP_DIR=$REPO_DIR/target/quarkus-app
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cordon-startup.XXXXXX")
APP_PID=

info() { printf '%s\n' "$*" >&2; }
die() { printf 'startup.sh: error: %s\n' "$*" >&2; exit 1; }

stop_app() {
  [[ -n $APP_PID ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}
cleanup() { stop_app; rm -rf "$WORK_DIR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
[[ -f $APP_DIR/quarkus-run.jar ]] || die "no $APP_DIR/quarkus-run.jar; run: mvn -B -q package -DskipTests"
for cmd in curl python3; do command -v "$cmd" >/dev/null || die "$cmd is required"; done

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# The kernel picks the port; the short window before the app binds it is acceptable for a bench.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null; }

median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) exit; m = int((NR + 1) / 2); print (NR % 2) ? v[m] : int((v[m] + v[m + 1]) / 2)}'; }

# ---------------------------------------------------------------- environment

"$REPO_DIR/scripts/services.sh" start >&2
eval "$("$REPO_DIR/scripts/services.sh" env)"
CORDON_BOOTSTRAP_ADMIN_KEY="bench-admin-$(random_hex 24)"
export CORDON_BOOTSTRAP_ADMIN_KEY
# The bench keeps to its own Redis keys, audit chain and bucket, so it never mixes records into
# the chain of a gateway someone else runs against the same local services.
export CORDON_TENANCY_REDIS_KEY_PREFIX=cordon-bench:
export CORDON_AUDIT_CHAIN_ID=bench
export CORDON_AUDIT_BUCKET=${CORDON_AUDIT_BUCKET:-cordon-bench-audit}
export CORDON_AUDIT_CREATE_BUCKET=true
export CORDON_AUDIT_HMAC_KEYS_BENCH=${CORDON_AUDIT_HMAC_KEYS_BENCH:-$(random_hex 24)}
export CORDON_AUDIT_CURRENT_KEY_ID=bench
export QUARKUS_LOG_CONSOLE_LEVEL=WARN

# Its own database too: the shared `cordon` database may carry migrations of another branch, which
# Flyway would refuse, and bench tenants do not belong among real ones.
export CORDON_DB_NAME=${CORDON_BENCH_DB:-cordon_bench}
ensure_bench_db() {
  local exists
  exists=$(PGPASSWORD=$CORDON_DB_PASSWORD psql -X -Atq -h 127.0.0.1 -U "$CORDON_DB_USER" -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$CORDON_DB_NAME'" 2>/dev/null || true)
  [[ $exists == 1 ]] && return 0
  info "creating database $CORDON_DB_NAME (owner $CORDON_DB_USER)"
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "CREATE DATABASE $CORDON_DB_NAME OWNER $CORDON_DB_USER" >&2 ||
    die "could not create database $CORDON_DB_NAME; create it (owner $CORDON_DB_USER) or set CORDON_BENCH_DB"
}
ensure_bench_db

# ---------------------------------------------------------------- one start

# start_app LOG CMD... : launches on a fresh port; sets APP_PID and APP_URL.
start_app() {
  local log=$1 port
  shift
  port=$(free_port)
  APP_URL=http://127.0.0.1:$port
  QUARKUS_HTTP_PORT=$port "$@" >"$log" 2>&1 &
  APP_PID=$!
}

# wait_for CODE URL AUTH : polls until URL answers CODE; fails after START_TIMEOUT or if the app dies.
wait_for() {
  local want=$1 url=$2 auth=$3 deadline code
  deadline=$(($(date +%s) + START_TIMEOUT))
  while (($(date +%s) < deadline)); do
    kill -0 "$APP_PID" 2>/dev/null || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Authorization: Bearer $auth" "$url" || true)
    [[ $code == "$want" ]] && return 0
    sleep 0.05
  done
  return 1
}

fail_start() { # log
  info "--- last lines of $1"
  tail -n 30 "$1" >&2 || true
  die "the gateway did not answer within ${START_TIMEOUT}s"
}

admin_post() { # path json [method] → response body
  curl -sf --max-time 10 -X "${3:-POST}" -H "Authorization: Bearer $CORDON_BOOTSTRAP_ADMIN_KEY" \
    -H 'Content-Type: application/json' -d "$2" "$APP_URL$1"
}

# A tenant allowed the echo model and one API key for it, made once through the admin API.
# Keys live in PostgreSQL, so every later start has to look the key up cold.
create_api_key() { # java...
  local tenant log=$WORK_DIR/setup.log body
  tenant="bench-$(random_hex 4)"
  start_app "$log" "$@"
  wait_for 200 "$APP_URL/q/health/ready" none || fail_start "$log"
  admin_post /admin/v1/tenants "{\"id\":\"$tenant\",\"name\":\"startup bench\"}" >/dev/null
  admin_post "/admin/v1/tenants/$tenant/models" '{"models":["echo"]}' PUT >/dev/null
  body=$(admin_post "/admin/v1/tenants/$tenant/keys" '{"name":"startup-bench"}')
  API_KEY=$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$body")
  [[ -n $API_KEY ]] || die "the admin API returned no key secret"
  wait_for 200 "$APP_URL/v1/models" "$API_KEY" || fail_start "$log"
  stop_app
  info "tenant $tenant with one API key created"
}

# measure NAME CMD... : RUNS cold starts; appends one table row to ROWS.
measure() {
  local name=$1 run log start elapsed rss times=() rsses=()
  shift
  for run in $(seq 1 "$RUNS"); do
    log=$WORK_DIR/$name-$run.log
    start=$(now_ms)
    start_app "$log" "$@"
    wait_for 200 "$APP_URL/v1/models" "$API_KEY" || fail_start "$log"
    elapsed=$(($(now_ms) - start))
    rss=$(rss_mib "$APP_PID")
    stop_app
    info "$name run $run: ${elapsed} ms, ${rss} MiB"
    times+=("$elapsed")
    rsses+=("$rss")
  done
  ROWS+=("| $name | $RUNS | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -n | head -1)–$(printf '%s\n' "${times[@]}" | sort -n | tail -1) | $(printf '%s\n' "${rsses[@]}" | median) |")
}

skip() { ROWS+=("| $1 | – | skipped: $2 | | |"); info "$1 skipped: $2"; }

# ---------------------------------------------------------------- variants

ROWS=()
JAR=(-jar "$APP_DIR/quarkus-run.jar")
[[ -x $JAVA17 ]] || JAVA17=$(command -v java)

create_api_key "$JAVA17" "${JAR[@]}"

measure jdk17 "$JAVA17" "${JAR[@]}"
if [[ -x $JAVA25 ]]; then
  measure temurin25 "$JAVA25" "${JAR[@]}"
  if [[ -f $APP_DIR/app.aot ]]; then
    measure temurin25-aot "$JAVA25" "-XX:AOTCache=$APP_DIR/app.aot" "${JAR[@]}"
  else
    skip temurin25-aot "no app.aot; build with -Dquarkus.package.jar.aot.enabled=true and run the integration tests on Temurin 25"
  fi
else
  skip temurin25 "no Temurin 25 at $JAVA25 (set JAVA25)"
  skip temurin25-aot "needs Temurin 25"
fi
runner=$(find "$REPO_DIR/target" -maxdepth 1 -type f -name '*-runner' -perm -u+x | head -1)
if [[ -n $runner ]]; then
  measure native "$runner"
else
  skip native "no target/*-runner; build it on a GraalVM/Mandrel 25 host (knative/README.md)"
fi

printf '\nCold start to the first authenticated GET /v1/models (%s, %s cores)\n\n' "$(date -u +%F)" "$(nproc)"
printf '| variant | runs | median ms | min–max ms | median RSS MiB |\n|---|---|---|---|---|\n'
printf '%s\n' "${ROWS[@]}"
