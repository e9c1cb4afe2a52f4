#!/usr/bin/env bash
# Helpers shared by the bench fault scripts (audit-faults.sh, faults.sh). Source it from the
# repository root; nothing here starts or stops the shared dev services.

# wrk from Debian when missing (CI images have apt; a local machine usually has it already).
ensure_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
}

# The packaged gateway, built once when missing.
ensure_jar() {
  [[ -f target/quarkus-app/quarkus-run.jar ]] || mvn -B -q package -DskipTests
}

# wait_until SECONDS COMMAND...: retries every 0.2 s until the command succeeds.
wait_until() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do (( $(date +%s) < deadline )) || return 1; sleep 0.2; done
}

http_ok() { curl -sf -o /dev/null --max-time 2 "$1"; }

now_ms() { date +%s%3N; }

# write_load_lua FILE OUT_DIR API_KEY BODY [DELAY_MS]: a wrk script that appends
# "<status> <x-request-id> <epoch seconds>" of every response to OUT_DIR/resp-<thread>.txt, and
# waits DELAY_MS before each request so that a few connections make a bounded load.
write_load_lua() {
  local file=$1 dir=$2 key=$3 body=$4 delay=${5:-0}
  cat > "$file" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
wrk.body = '$body'
local counter = 0
function setup(thread) counter = counter + 1; thread:set("id", counter) end
function init(args) out = io.open("$dir/resp-" .. id .. ".txt", "a") end
function delay() return $delay end
function response(status, headers, body)
  out:write(status .. " " .. (headers["x-request-id"] or "-") .. " " .. os.time() .. "\n"); out:flush()
end
LUA
}
