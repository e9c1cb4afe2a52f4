#!/usr/bin/env bash
# Fault tests of the audit trail. Under load, inject a fault, lift it, then check with the
# verifier that every request that got a 2xx appears exactly once in the trail.
#
#   bench/audit-faults.sh crash  [RUNS=3] [SECONDS_PER_RUN=20] [CONNECTIONS=8]
#       kill -9 the gateway at a random moment of each run and restart it
#   bench/audit-faults.sh outage [RUNS=1] [SECONDS_PER_RUN=60] [CONNECTIONS=8]
#       stop the object store (radosgw) for half of each run; requests keep being answered from
#       the durable spool, and the backlog ships once the store is back
#
# Loopback only; uses its own audit chain, bucket (1-day lock) and Redis key prefix, so it never
# touches the data of a local run. Needs wrk (installed from Debian if missing).
set -euo pipefail

MODE=${1:-crash}
RUNS=${2:-3}
DURATION=${3:-20}
CONNECTIONS=${4:-8}
[[ $MODE == crash || $MODE == outage ]] || { echo "usage: $0 crash|outage [runs] [seconds] [connections]" >&2; exit 2; }
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/cordon-crash.XXXXXX)
PORT=18090
RUN_ID=$MODE$(date +%s)
cd "$REPO_DIR"
source bench/lib.sh

ensure_wrk
scripts/services.sh start
eval "$(scripts/services.sh env)"
ensure_jar

export CORDON_BOOTSTRAP_ADMIN_KEY=crash-admin-key-$RUN_ID-0123456789abcdef
export CORDON_AUDIT_HMAC_KEYS_CRASH=crash-hmac-key-$RUN_ID-0123456789abcdefghij
export CORDON_AUDIT_CURRENT_KEY_ID=crash CORDON_AUDIT_CHAIN_ID=$RUN_ID CORDON_AUDIT_BUCKET=cordon-audit-crash
export CORDON_AUDIT_CREATE_BUCKET=true CORDON_AUDIT_RETENTION_DAYS=1 CORDON_AUDIT_ALLOW_SHORT_RETENTION=true
export CORDON_AUDIT_SHIP_INTERVAL=200ms CORDON_TENANCY_REDIS_KEY_PREFIX="$RUN_ID:"

start_gateway() {
  java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Dquarkus.log.category.\"dev.cordon.access\".level=WARN \
    -jar target/quarkus-app/quarkus-run.jar >> "$WORK/gateway.log" 2>&1 &
  GATEWAY=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/live" && return; sleep 0.5; done
  echo "gateway did not start; see $WORK/gateway.log" >&2; exit 1
}

admin() { curl -sf -H "Authorization: Bearer $CORDON_BOOTSTRAP_ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }

start_gateway
admin -d "{\"id\":\"$RUN_ID\",\"name\":\"crash test\"}" "http://127.0.0.1:$PORT/admin/v1/tenants" >/dev/null
admin -X PUT -d '{"models":["echo"]}' "http://127.0.0.1:$PORT/admin/v1/tenants/$RUN_ID/models" >/dev/null
KEY=$(admin -d '{"name":"crash"}' "http://127.0.0.1:$PORT/admin/v1/tenants/$RUN_ID/keys" | sed 's/.*"secret":"\([^"]*\)".*/\1/')

# Each wrk thread appends the x-request-id of every 2xx it received to its own file.
cat > "$WORK/load.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.body = '{"model":"echo","messages":[{"role":"user","content":"Pt John Smith, MRN 5512345, BP 120/80. Plan?"}]}'
local counter = 0
function setup(thread) counter = counter + 1; thread:set("id", counter) end
function init(args) out = io.open("$WORK/ok-" .. id .. "-" .. os.time() .. ".txt", "a") end
function response(status, headers, body)
  if status >= 200 and status < 300 then out:write(headers["x-request-id"] .. "\n"); out:flush() end
end
LUA

crash() {
  sleep $(( 3 + RANDOM % (DURATION / 2) ))
  kill -9 "$GATEWAY"; wait "$GATEWAY" 2>/dev/null || true
  echo "run $1: killed the gateway (kill -9) under load, restarting" >&2
  start_gateway
}

outage() {
  local rgw_pid backlog
  sleep $(( DURATION / 4 ))
  rgw_pid=$(cat "$STATE_DIR/ceph/run/client.rgw.cordon.pid")
  kill "$rgw_pid"
  echo "run $1: object store stopped under load" >&2
  sleep $(( DURATION / 2 ))
  backlog=$(redis-cli -p 6380 XLEN "${RUN_ID}:audit:spool")
  echo "run $1: backlog after $(( DURATION / 2 )) s without the store: $backlog records; restarting it" >&2
  echo "$backlog" >> "$WORK/backlog.txt"
  scripts/services.sh start >/dev/null 2>&1
}

STATE_DIR=${CORDON_STATE_DIR:-$REPO_DIR/.cordon-local}
for run in $(seq 1 "$RUNS"); do
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/load.lua" "http://127.0.0.1:$PORT/v1/chat/completions" > "$WORK/wrk-$run.txt" 2>&1 &
  LOAD=$!
  "$MODE" "$run"
  wait "$LOAD" || true
done

SPOOL="${RUN_ID}:audit:spool"
for _ in $(seq 1 240); do [[ $(redis-cli -p 6380 XLEN "$SPOOL") == 0 ]] && break; sleep 0.5; done
kill "$GATEWAY"; wait "$GATEWAY" 2>/dev/null || true

java -jar target/quarkus-app/quarkus-run.jar audit verify --bucket cordon-audit-crash --chain "$RUN_ID" | tee "$WORK/verify.txt"
java -jar target/quarkus-app/quarkus-run.jar audit export --bucket cordon-audit-crash --chain "$RUN_ID" > "$WORK/trail.txt"

cat "$WORK"/ok-*.txt | sort > "$WORK/ok.txt"
awk '$3 == "generate" {print $2}' "$WORK/trail.txt" | sort > "$WORK/trail-ids.txt"
OK=$(wc -l < "$WORK/ok.txt")
MISSING=$(comm -23 "$WORK/ok.txt" <(sort -u "$WORK/trail-ids.txt") | wc -l)
DUPLICATES=$(uniq -d "$WORK/trail-ids.txt" | wc -l)
RECORDS=$(wc -l < "$WORK/trail.txt")
ADOPTED=$(grep -c "adopting audit segment" "$WORK/gateway.log" || true)
PEAK=$(sort -n "$WORK/backlog.txt" 2>/dev/null | tail -1 || true)
printf '| fault | runs | 2xx received | records in trail | 2xx missing | duplicated ids | segments adopted | peak backlog |\n|---|---|---|---|---|---|---|---|\n| %s | %s | %s | %s | %s | %s | %s | %s |\n' \
  "$MODE" "$RUNS" "$OK" "$RECORDS" "$MISSING" "$DUPLICATES" "$ADOPTED" "${PEAK:--}"
echo "work files: $WORK" >&2
[[ $MISSING == 0 && $DUPLICATES == 0 ]]
