#!/usr/bin/env bash
# Starts the Cordon gateway on http://127.0.0.1:8080 together with its local services.
# Idempotent: installs/starts what is missing, builds the app when its sources changed.
#
#   scripts/run.sh               # build if needed, start services, run the gateway in the foreground
#
# The bootstrap admin key comes from CORDON_BOOTSTRAP_ADMIN_KEY, or is generated once and kept
# in .cordon-local/admin-key (printed at start so you can create tenants and keys).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${CORDON_STATE_DIR:-$REPO_DIR/.cordon-local}
cd "$REPO_DIR"

"$REPO_DIR/scripts/services.sh" start
eval "$("$REPO_DIR/scripts/services.sh" env)"

# Rebuild only when a source or the pom is newer than the packaged app.
RUNNER=target/quarkus-app/quarkus-run.jar
if [[ ! -f $RUNNER || -n $(find pom.xml src/main -newer "$RUNNER" -print -quit) ]]; then
  echo "building Cordon (mvn package, tests skipped) ..." >&2
  mvn -B -q package -DskipTests
fi

mkdir -p "$STATE_DIR"
if [[ -z ${CORDON_BOOTSTRAP_ADMIN_KEY:-} ]]; then
  if [[ ! -s $STATE_DIR/admin-key ]]; then
    (umask 077 && printf 'cdnadm_%s\n' "$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)" > "$STATE_DIR/admin-key")
  fi
  CORDON_BOOTSTRAP_ADMIN_KEY=$(cat "$STATE_DIR/admin-key")
fi
export CORDON_BOOTSTRAP_ADMIN_KEY

# A local HMAC key for the audit chain, made once; production injects its own from a secret store.
if [[ -z ${CORDON_AUDIT_CURRENT_KEY_ID:-} ]]; then
  if [[ ! -s $STATE_DIR/audit-hmac-key ]]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$STATE_DIR/audit-hmac-key")
  fi
  CORDON_AUDIT_HMAC_KEYS_LOCAL=$(cat "$STATE_DIR/audit-hmac-key")
  export CORDON_AUDIT_HMAC_KEYS_LOCAL
  export CORDON_AUDIT_CURRENT_KEY_ID=local
fi
export CORDON_AUDIT_CREATE_BUCKET=${CORDON_AUDIT_CREATE_BUCKET:-true}

cat >&2 <<TXT
Cordon starting on http://127.0.0.1:8080  (OpenAI base URL: http://127.0.0.1:8080/v1)
Admin key (from ${STATE_DIR}/admin-key unless CORDON_BOOTSTRAP_ADMIN_KEY was set): ${CORDON_BOOTSTRAP_ADMIN_KEY}
TXT
# JAVA_OPTS is split into words on purpose (several JVM flags).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -jar "$RUNNER"
