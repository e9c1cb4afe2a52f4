#!/usr/bin/env bash
# What authentication and limits add to each request, read from the gateway's own per-stage
# histogram (cordon_stage_seconds) while wrk drives the full pipeline with the in-process echo
# provider. Two identities: an API key (database lookup, cached) and a person's RS256 JWT (signature
# check, tenant lookup, MFA, session touch in Redis). Limits are on (key + tenant request and token
# buckets in Redis) at values high enough never to refuse.
#
#   bench/auth-latency.sh [SECONDS=15] [CONNECTIONS=1]
#
# At 1 connection the figures are the latency each stage adds to a request; at 16 they include
# queueing for the core and for Redis connections.
#
# Prints, per identity and stage, the mean and the histogram's p50/p99 in microseconds. Loopback
# only; the gateway is pinned to core 0 and wrk to core 1 when taskset exists.
set -euo pipefail

SECS=${1:-15}
CONNS=${2:-1}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/cordon-auth.XXXXXX)
PORT=18131
RUN=al$(date +%s)
cd "$REPO_DIR"

command -v wrk >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
scripts/services.sh start >/dev/null
eval "$(scripts/services.sh env)"
[[ -f target/quarkus-app/quarkus-run.jar ]] || mvn -B -q package -DskipTests
PIN0=""; PIN1=""
command -v taskset >/dev/null && { PIN0="taskset -c 0"; PIN1="taskset -c 1"; }

# An RSA key pair standing in for the hospital's identity provider.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/idp.key" 2>/dev/null
openssl pkey -in "$WORK/idp.key" -pubout -out "$WORK/idp.pub"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwt() {
  local header payload sig
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://idp.bench.example","aud":"cordon","sub":"dr.bench","tenant":"%s","amr":["pwd","mfa"],"scope":"chat:generate","sid":"s-%s","auth_time":%s,"iat":%s,"exp":%s}' \
    "$1" "$RUN" "$(date +%s)" "$(date +%s)" "$(( $(date +%s) + 3600 ))" | b64url)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/idp.key" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$sig"
}

export CORDON_BOOTSTRAP_ADMIN_KEY=bench-admin-key-$RUN-0123456789abcdef
export CORDON_AUDIT_HMAC_KEYS_BENCH=bench-hmac-key-$RUN-0123456789abcdefghij
export CORDON_AUDIT_CURRENT_KEY_ID=bench CORDON_AUDIT_CHAIN_ID=$RUN CORDON_AUDIT_BUCKET=cordon-audit-bench
export CORDON_AUDIT_CREATE_BUCKET=true CORDON_AUDIT_RETENTION_DAYS=1 CORDON_AUDIT_ALLOW_SHORT_RETENTION=true
export CORDON_TENANCY_REDIS_KEY_PREFIX="$RUN:"
$PIN0 java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Dquarkus.log.category.\"dev.cordon.access\".level=WARN \
  -Dcordon.identity.jwt-enabled=true -Dmp.jwt.verify.publickey.location="$WORK/idp.pub" \
  -Dmp.jwt.verify.issuer=https://idp.bench.example -Dmp.jwt.verify.audiences=cordon \
  -Dcordon.limits.key-requests-per-minute=100000000 -Dcordon.limits.tenant-requests-per-minute=100000000 \
  -Dcordon.limits.key-tokens-per-minute=1000000000 -Dcordon.limits.tenant-tokens-per-minute=1000000000 \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!
trap 'kill $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.5; done

admin() { curl -sf -H "Authorization: Bearer $CORDON_BOOTSTRAP_ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
admin -d "{\"id\":\"$RUN\",\"name\":\"auth latency\"}" "http://127.0.0.1:$PORT/admin/v1/tenants" >/dev/null
admin -X PUT -d '{"models":["echo"]}' "http://127.0.0.1:$PORT/admin/v1/tenants/$RUN/models" >/dev/null
KEY=$(admin -d '{"name":"bench"}' "http://127.0.0.1:$PORT/admin/v1/tenants/$RUN/keys" | sed 's/.*"secret":"\([^"]*\)".*/\1/')
TOKEN=$(jwt "$RUN")

BODY='{"model":"echo","messages":[{"role":"user","content":"Pt John Smith, MRN 5512345, BP 120/80 on lisinopril. Plan?"}]}'
stage_table() {  # $1 = label; reads the Prometheus text in $WORK/metrics-$1.txt minus the baseline
  python3 - "$WORK/metrics-base-$1.txt" "$WORK/metrics-$1.txt" "$1" <<'PY'
import re, sys
def load(path):
    buckets, sums, counts = {}, {}, {}
    for line in open(path):
        m = re.match(r'cordon_stage_seconds_(bucket|sum|count)\{([^}]*)\} ([0-9.eE+-]+)', line)
        if not m: continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
        stage, v = labels['stage'], float(m.group(3))
        if m.group(1) == 'bucket': buckets.setdefault(stage, {})[float(labels['le'])] = v
        elif m.group(1) == 'sum': sums[stage] = v
        else: counts[stage] = v
    return buckets, sums, counts
b0, s0, c0 = load(sys.argv[1]); b1, s1, c1 = load(sys.argv[2])
def q(stage, p):
    bs = sorted((le, n - b0.get(stage, {}).get(le, 0)) for le, n in b1[stage].items())
    total = bs[-1][1]; target = p * total
    for le, n in bs:
        if n >= target: return le * 1e6
total_mean = 0
for stage in ['authenticate', 'authorize', 'break-glass', 'limits']:
    n = c1[stage] - c0.get(stage, 0)
    mean = (s1[stage] - s0.get(stage, 0)) / n * 1e6
    total_mean += mean
    print(f"| {sys.argv[3]} | {stage} | {int(n)} | {mean:.0f} | ≤{q(stage, .5):.0f} | ≤{q(stage, .99):.0f} |")
print(f"| {sys.argv[3]} | **auth + limits, sum of means** | | **{total_mean:.0f}** | | |")
PY
}
echo "| identity | stage | requests | mean µs | p50 µs | p99 µs |"
echo "|---|---|---|---|---|---|"
for who in api-key jwt; do
  credential=$KEY; [[ $who == jwt ]] && credential=$TOKEN
  cat > "$WORK/$who.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $credential"
wrk.body = '$BODY'
LUA
  $PIN1 wrk -t1 -c"$CONNS" -d5s -s "$WORK/$who.lua" "http://127.0.0.1:$PORT/v1/chat/completions" > /dev/null  # warm-up
  curl -s "http://127.0.0.1:$PORT/q/metrics" > "$WORK/metrics-base-$who.txt"
  $PIN1 wrk -t1 -c"$CONNS" -d"${SECS}s" -s "$WORK/$who.lua" "http://127.0.0.1:$PORT/v1/chat/completions" > "$WORK/wrk-$who.txt"
  curl -s "http://127.0.0.1:$PORT/q/metrics" > "$WORK/metrics-$who.txt"
  grep -q "Non-2xx" "$WORK/wrk-$who.txt" && { echo "$who: non-2xx answers; see $WORK" >&2; exit 1; }
  stage_table "$who"
done
echo "wrk output and metrics: $WORK" >&2
