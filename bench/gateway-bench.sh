#!/usr/bin/env bash
# Gateway benchmark, one run, interleaved: direct-to-stub, nginx as a plain reverse proxy (the
# practical floor for any proxy here) and Cordon with its full pipeline (API-key auth, scopes,
# limits off, PHI tokenize + restore, durable audit). Rounds go A/B/C, A/B/C, ... and each figure
# is the median of the rounds. The stub and the target run on core 0, wrk on core 1.
#
#   bench/gateway-bench.sh [ROUNDS=3] [SECONDS=10]
#
# wrk is closed-loop: each connection sends its next request only after the previous answer, so
# req/s at 16 connections is a throughput ceiling, and latency at 1 connection is the added delay.
# Streaming: time to first token (first SSE chunk with content) of the same request with
# "stream":true, one connection, direct to a streaming stub and through Cordon (bench/ttft.py).
# Cordon is warmed up first (WARMUP seconds, default 30): the JIT needs tens of seconds on a busy
# two-core machine, and an unwarmed first round once made a 3.4 ms/request figure out of ~0.4 ms.
# Loopback only. Needs nginx, wrk and python3 (nginx and wrk installed from Debian when missing).
# Settings (environment): WARMUP (s), TTFT_REQUESTS (per round and target), CORDON_DB_NAME (the
# database Cordon migrates and uses, default cordon; pick your own when the shared one carries
# migrations your checkout does not know, or Flyway validation keeps Cordon not ready).
set -euo pipefail

ROUNDS=${1:-3}
SECS=${2:-10}
WARMUP=${WARMUP:-30}
TTFT_REQUESTS=${TTFT_REQUESTS:-300}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/cordon-bench.XXXXXX)
STUB_PORT=18101 PROXY_PORT=18102 CORDON_PORT=18103 SSE_PORT=18104
cd "$REPO_DIR"

for tool in nginx wrk; do
  command -v "$tool" >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool/nginx/nginx-light}" >/dev/null; }
done
scripts/services.sh start >/dev/null
eval "$(scripts/services.sh env)"
[[ -f target/quarkus-app/quarkus-run.jar ]] || mvn -B -q package -DskipTests

# --- the upstream stub: nginx answering every chat call with one static completion -------------
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/completion.json" <<'JSON'
{"id":"chatcmpl-stub","object":"chat.completion","created":1700000000,"model":"stub","choices":[{"index":0,"message":{"role":"assistant","content":"Increase furosemide to 40 mg BID and recheck potassium and creatinine in 48 hours."},"finish_reason":"stop"}],"usage":{"prompt_tokens":120,"completion_tokens":24,"total_tokens":144}}
JSON
# ... and a streamed one: 24 content chunks, a usage chunk and [DONE], as OpenAI sends them.
python3 - > "$WORK/stream.sse" <<'PY'
words = "Increase furosemide to 40 mg BID and recheck potassium and creatinine in 48 hours; keep lisinopril at 10 mg daily.".split(" ")
head = '{"id":"chatcmpl-stub","object":"chat.completion.chunk","created":1700000000,"model":"stub","choices":'
print("data: " + head + '[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n')
for i, w in enumerate(words):
    print("data: " + head + '[{"index":0,"delta":{"content":"' + ("" if i == 0 else " ") + w + '"},"finish_reason":null}]}\n')
print("data: " + head + '[{"index":0,"delta":{},"finish_reason":"stop"}]}\n')
print("data: " + head + '[],"usage":{"prompt_tokens":120,"completion_tokens":24,"total_tokens":144}}\n')
print("data: [DONE]\n")
PY
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$STUB_PORT;
    # The body comes from the config itself: nginx workers run unprivileged and cannot read $WORK.
    location / { default_type application/json; return 200 '$(cat "$WORK/completion.json")'; }
  }
  server {
    listen 127.0.0.1:$SSE_PORT;
    location / { default_type text/event-stream; return 200 '$(cat "$WORK/stream.sse")'; }
  }
  upstream stub { server 127.0.0.1:$STUB_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://stub; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
taskset -c 0 nginx -c "$WORK/nginx.conf" -p "$WORK/nginx"
trap 'nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" -s stop 2>/dev/null || true; [[ -n ${CORDON:-} ]] && kill "$CORDON" 2>/dev/null || true' EXIT

# --- Cordon, pointed at the stub as an OpenAI-compatible, BAA-covered provider -----------------
export CORDON_BOOTSTRAP_ADMIN_KEY=bench-admin-key-0123456789abcdefghijklmnopqrst
export CORDON_PROVIDERS_STUB_KIND=openai CORDON_PROVIDERS_STUB_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CORDON_PROVIDERS_STUB_BAA=covered
export CORDON_MODELS_STUB_PROVIDER=stub CORDON_MODELS_STUB_UPSTREAM_MODEL=stub
export CORDON_PROVIDERS_SSE_KIND=openai CORDON_PROVIDERS_SSE_BASE_URL="http://127.0.0.1:$SSE_PORT/v1" CORDON_PROVIDERS_SSE_BAA=covered
export CORDON_MODELS_SSE_PROVIDER=sse CORDON_MODELS_SSE_UPSTREAM_MODEL=stub
RUN=bench$(date +%s)
export CORDON_AUDIT_HMAC_KEYS_BENCH=bench-hmac-key-0123456789abcdefghijklmnopq CORDON_AUDIT_CURRENT_KEY_ID=bench
export CORDON_AUDIT_CHAIN_ID=$RUN CORDON_AUDIT_BUCKET=cordon-audit-bench CORDON_AUDIT_CREATE_BUCKET=true
export CORDON_AUDIT_RETENTION_DAYS=1 CORDON_AUDIT_ALLOW_SHORT_RETENTION=true CORDON_TENANCY_REDIS_KEY_PREFIX="$RUN:"
taskset -c 0 java -Xmx512m ${BENCH_JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$CORDON_PORT \
  -Dquarkus.log.category.\"dev.cordon.access\".level=WARN -jar target/quarkus-app/quarkus-run.jar > "$WORK/cordon.log" 2>&1 &
CORDON=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$CORDON_PORT/q/health/ready" && break; sleep 0.5; done
admin() { curl -sf -H "Authorization: Bearer $CORDON_BOOTSTRAP_ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
admin -d "{\"id\":\"$RUN\",\"name\":\"bench\"}" "http://127.0.0.1:$CORDON_PORT/admin/v1/tenants" >/dev/null
admin -X PUT -d '{"models":["stub","sse"]}' "http://127.0.0.1:$CORDON_PORT/admin/v1/tenants/$RUN/models" >/dev/null
KEY=$(admin -d '{"name":"bench"}' "http://127.0.0.1:$CORDON_PORT/admin/v1/tenants/$RUN/keys" | sed 's/.*"secret":"\([^"]*\)".*/\1/')

# A realistic 1.4 KB clinical request carrying PHI.
NOTE="72yo F with CHF exacerbation, BNP 1450, Cr 1.8 (baseline 1.2), K 3.4, on furosemide 40mg daily and lisinopril 10mg. Pt Margaret Okonkwo, MRN 48213377, DOB 03/14/1951, admitted 11/20/2026 to St. Vincent Hospital, seen by Dr. Alan Reyes; daughter Susan Nakamura-Reyes can be reached at (617) 555-0142. Echo: EF 30%, moderate MR. Weight up 3 kg in 5 days, bibasilar crackles, JVP 10 cm. Overnight 2 L UOP after 80 mg IV furosemide. Question: how should we adjust diuretics and RAAS blockade before discharge, and what labs and follow-up interval do you recommend given her CKD stage 3a and recent hypokalemia?"
cat > "$WORK/load.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.body = '{"model":"stub","temperature":0.2,"messages":[{"role":"system","content":"You are a careful clinical assistant."},{"role":"user","content":"$NOTE"}]}'
LUA
printf '%s' '{"model":"sse","stream":true,"temperature":0.2,"messages":[{"role":"system","content":"You are a careful clinical assistant."},{"role":"user","content":"'"$NOTE"'"}]}' > "$WORK/stream-body.json"

# --- measurement --------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
nginx_pid() { cat "$WORK/nginx/nginx.pid" | xargs -I{} pgrep -P {} | head -1; }

measure() { # name url pid path
  local name=$1 url=$2 pid=$3 t0 t1 out16 out1 reqs
  taskset -c 1 wrk -t1 -c16 -d2s -s "$WORK/load.lua" "$url" >/dev/null 2>&1
  t0=$(cpu_ticks "$pid")
  out16=$(taskset -c 1 wrk -t1 -c16 -d"${SECS}s" --latency -s "$WORK/load.lua" "$url")
  t1=$(cpu_ticks "$pid")
  out1=$(taskset -c 1 wrk -t1 -c1 -d"${SECS}s" --latency -s "$WORK/load.lua" "$url")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out16")
  # A benchmark of errors measures nothing: refuse any run with non-2xx answers.
  if grep -q "Non-2xx" <<<"$out16$out1"; then
    echo "$name answered non-2xx during the run:" >&2; grep "Non-2xx" <<<"$out16$out1" >&2; exit 1
  fi
  printf '%s %s %s %s %s %s %s %s %s %s\n' "$name" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out16")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out1")" "$(awk '$1=="90%" {print $2}' <<<"$out1")" "$(awk '$1=="99%" {print $2}' <<<"$out1")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out16")" "$(awk '$1=="90%" {print $2}' <<<"$out16")" "$(awk '$1=="99%" {print $2}' <<<"$out16")" \
    "$(( (t1 - t0) * 10000 * 1000 / reqs ))" "$(rss_mib "$pid")" >> "$WORK/results.txt"
}

ttft() { # name port key
  taskset -c 1 python3 "$REPO_DIR/bench/ttft.py" 127.0.0.1 "$2" "$3" "$WORK/stream-body.json" "$TTFT_REQUESTS" "$1" >> "$WORK/ttft.txt"
}

if (( WARMUP > 0 )); then
  echo "warming Cordon up for ${WARMUP}s" >&2
  taskset -c 1 wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/load.lua" "http://127.0.0.1:$CORDON_PORT/v1/chat/completions" >/dev/null
  TTFT_REQUESTS=$((TTFT_REQUESTS * 3)) ttft warmup "$CORDON_PORT" "$KEY" && rm -f "$WORK/ttft.txt"
fi

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS" >&2
  measure direct "http://127.0.0.1:$STUB_PORT/v1/chat/completions" "$(nginx_pid)"
  measure nginx-proxy "http://127.0.0.1:$PROXY_PORT/v1/chat/completions" "$(nginx_pid)"
  measure cordon "http://127.0.0.1:$CORDON_PORT/v1/chat/completions" "$CORDON"
  ttft direct "$SSE_PORT" ""
  ttft cordon "$CORDON_PORT" "$KEY"
done

python3 - "$WORK/results.txt" "$WORK/ttft.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
ttft = [l.split() for l in open(sys.argv[2])]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
def first_token(name):
    t = [x for x in ttft if x[0] == name]
    if not t:
        return "–"
    return " / ".join(f"{statistics.median(float(x[i]) for x in t):.3f}" for i in (1, 2, 3)) + " ms"
print("| target | req/s @16 | p50 @1 | p90 @1 | p99 @1 | p50 @16 | p90 @16 | p99 @16 | CPU µs/req | RSS | TTFT p50 / p90 / p99 @1 |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name in ("direct", "nginx-proxy", "cordon"):
    r = [x for x in rows if x[0] == name]
    med = lambda i, f=float: statistics.median(f(x[i]) for x in r)
    print(f"| {name} | {med(1):.0f} | {med(2, ms):.3f} ms | {med(3, ms):.3f} ms | {med(4, ms):.3f} ms | {med(5, ms):.3f} ms"
          f" | {med(6, ms):.3f} ms | {med(7, ms):.3f} ms | {med(8)/1000:.0f} | {med(9):.0f} MiB | {first_token(name)} |")
print(f"\nMedians of {len(rows)//3} interleaved rounds. CPU and RSS are of the process under test: the nginx"
      " worker for direct and nginx-proxy (one worker serves the stub and the proxy, so nginx-proxy's figure"
      " includes the stub's share), the JVM for Cordon. TTFT: time from sending a stream request to its"
      " first content chunk, one connection; direct is the streaming stub itself.")
PY
echo "work files: $WORK" >&2
