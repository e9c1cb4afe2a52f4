#!/usr/bin/env bash
# Proves by hand that the local S3 (Ceph RGW from scripts/services.sh) ENFORCES Object Lock:
#   1. create a bucket with Object Lock enabled
#   2. put an object with COMPLIANCE retention (a short one, see RETAIN_SECONDS)
#   3. read its retention back
#   4. deleting that version must be refused (403 AccessDenied)
#   5. shortening its retention must be refused (403 AccessDenied)
#   6. control: deleting a version WITHOUT a lock succeeds (so the 403s are the lock's doing,
#      not a signing problem)
# Needs only curl (>= 7.75 for --aws-sigv4), sha256sum/md5sum/base64. Leaves the bucket
# behind: a locked object cannot be removed before its retention ends.
#
# Usage: scripts/s3-objectlock-selfcheck.sh   (uses the same CORDON_S3_* settings as env)
set -euo pipefail

ENDPOINT=${CORDON_S3_ENDPOINT:-http://127.0.0.1:${CORDON_S3_PORT:-7480}}
ACCESS_KEY=${CORDON_S3_ACCESS_KEY:-cordon-access}
SECRET_KEY=${CORDON_S3_SECRET_KEY:-cordon-secret-key-local-only}
REGION=${CORDON_S3_REGION:-us-east-1}
RETAIN_SECONDS=${RETAIN_SECONDS:-120}
BUCKET=cordon-selfcheck-$(date +%s)-$RANDOM
KEY=evidence.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# Signed request: METHOD PATH[?QUERY] BODYFILE [extra curl args...]; prints the HTTP code,
# response headers go to $WORK/headers and the body to $WORK/body.
# RGW verifies x-amz-content-sha256, which curl does not add by itself.
s3() {
  local method=$1 path=$2 body=$3
  shift 3
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 \
    --aws-sigv4 "aws:amz:$REGION:s3" --user "$ACCESS_KEY:$SECRET_KEY" -X "$method" \
    -H "x-amz-content-sha256: $(sha256sum <"$body" | cut -d' ' -f1)" \
    -H "Content-MD5: $(md5_base64 "$body")" --data-binary "@$body" "$@" "$ENDPOINT$path"
}

# Base64 of the binary MD5, with coreutils only (hex digest -> bytes via printf's \x
# escapes). AWS requires Content-MD5 on Object Lock PUTs; Ceph 16 checks it when sent.
md5_base64() {
  printf '%b' "$(md5sum <"$1" | cut -d' ' -f1 | sed 's/../\\x&/g')" | base64
}

header() { # lower-case header name
  tr -d '\r' <"$WORK/headers" | awk -v h="$1:" 'tolower($1) == h { print $2 }'
}

expect() { # expected-code actual-code what
  [[ $2 == "$1" ]] || fail "$3: expected HTTP $1, got $2: $(cat "$WORK/body")"
  # A 403 from a bad signature would look the same by code alone.
  [[ $1 != 403 || $(cat "$WORK/body") == *'<Code>AccessDenied</Code>'* ]] ||
    fail "$3: 403 but not AccessDenied: $(cat "$WORK/body")"
  printf 'ok   %-58s HTTP %s\n' "$3" "$2"
}

EMPTY=$WORK/empty
OBJ=$WORK/obj
: >"$EMPTY"
echo "Cordon Object Lock self-check $(date -u +%FT%TZ)" >"$OBJ"

# Puts $KEY under COMPLIANCE until $1; sets VERSION to its version id.
put_locked() { # retain-until
  local code
  code=$(s3 PUT "/$BUCKET" "$EMPTY" -H 'x-amz-bucket-object-lock-enabled: true')
  expect 200 "$code" "create bucket $BUCKET with Object Lock"
  code=$(s3 PUT "/$BUCKET/$KEY" "$OBJ" -H 'x-amz-object-lock-mode: COMPLIANCE' \
    -H "x-amz-object-lock-retain-until-date: $1")
  expect 200 "$code" "put $KEY, COMPLIANCE until $1"
  VERSION=$(header x-amz-version-id)
  [[ -n $VERSION ]] || fail "no x-amz-version-id on the PUT response (versioning not on?)"
}

check_lock_holds() { # version
  local code earlier
  code=$(s3 GET "/$BUCKET/$KEY?retention=&versionId=$1" "$EMPTY")
  expect 200 "$code" "get retention of version $1"
  [[ $(cat "$WORK/body") == *'<Mode>COMPLIANCE</Mode>'* ]] || fail "retention is not COMPLIANCE: $(cat "$WORK/body")"
  code=$(s3 DELETE "/$BUCKET/$KEY?versionId=$1" "$EMPTY")
  expect 403 "$code" "delete the locked version is refused"
  earlier=$(date -u -d "+10 seconds" +%Y-%m-%dT%H:%M:%SZ)
  printf '<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode><RetainUntilDate>%s</RetainUntilDate></Retention>' \
    "$earlier" >"$WORK/retention"
  code=$(s3 PUT "/$BUCKET/$KEY?retention=&versionId=$1" "$WORK/retention")
  expect 403 "$code" "shortening the retention is refused"
}

# Control: the same signed DELETE works on a version without a lock.
check_control() {
  local code version
  code=$(s3 PUT "/$BUCKET/unlocked.txt" "$OBJ")
  expect 200 "$code" "control: put unlocked.txt without a lock"
  version=$(header x-amz-version-id)
  code=$(s3 DELETE "/$BUCKET/unlocked.txt?versionId=$version" "$EMPTY")
  expect 204 "$code" "control: delete of that unlocked version works"
}

main() {
  local until
  until=$(date -u -d "+$RETAIN_SECONDS seconds" +%Y-%m-%dT%H:%M:%SZ)
  put_locked "$until"
  check_lock_holds "$VERSION"
  check_control
  echo "PASS: Object Lock is enforced (bucket $BUCKET kept; its object unlocks at $until)"
}

main "$@"
