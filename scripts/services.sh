#!/usr/bin/env bash
# Local backing services for Cordon, without Docker: PostgreSQL, a Redis with AOF
# durability, and a single-node Ceph RADOS Gateway (S3 with enforced Object Lock).
#
#   scripts/services.sh start      # install what is missing (apt), start what is down
#   scripts/services.sh status     # one line per service; exit 3 if any is down
#   scripts/services.sh env        # export lines; use: eval "$(scripts/services.sh env)"
#   scripts/services.sh stop       # stop only the daemons this script started
#   scripts/services.sh reset-s3   # wipe and re-create the Ceph cluster (all S3 data)
#
# Settings (environment): CORDON_STATE_DIR (default <repo>/.cordon-local),
# CORDON_REDIS_PORT (6380), CORDON_STATE_REDIS_PORT (6381), CORDON_S3_PORT (7480), CORDON_S3_ACCESS_KEY,
# CORDON_S3_SECRET_KEY, CORDON_CEPH_STORE (memstore|bluestore; default memstore when
# CI=true, else bluestore), CORDON_CEPH_TIMEOUT (seconds to wait for S3, default 120).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${CORDON_STATE_DIR:-$REPO_DIR/.cordon-local}
HOST=127.0.0.1
PG_PORT=5432
DB_NAME=cordon
DB_TEST_NAME=cordon_test${CORDON_TEST_NS:-}  # CORDON_TEST_NS lets parallel checkouts test without sharing state
DB_USER=cordon
DB_PASSWORD=cordon
REDIS_PORT=${CORDON_REDIS_PORT:-6380}
REDIS_DIR=$STATE_DIR/redis
STATE_REDIS_PORT=${CORDON_STATE_REDIS_PORT:-6381}
STATE_REDIS_DIR=$STATE_DIR/redis-state
S3_PORT=${CORDON_S3_PORT:-7480}
S3_ACCESS_KEY=${CORDON_S3_ACCESS_KEY:-cordon-access}
S3_SECRET_KEY=${CORDON_S3_SECRET_KEY:-cordon-secret-key-local-only}
S3_REGION=us-east-1
S3_UID=cordon
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
CEPH_DIR=$STATE_DIR/ceph
CEPH_CONF=$CEPH_DIR/ceph.conf
CEPH_LOG=$CEPH_DIR/log
MON_ID=a
MON_V2_PORT=3300
MON_V1_PORT=6789
RGW_NAME=client.rgw.cordon
CEPH_TIMEOUT=${CORDON_CEPH_TIMEOUT:-120}
MEMSTORE_BYTES=$((2 * 1024 * 1024 * 1024))   # RAM, only used as the data is written
BLUESTORE_BYTES=$((10 * 1024 * 1024 * 1024)) # sparse file: disk is used only as written

# ---------------------------------------------------------------- helpers

info() { printf '%s\n' "$*" >&2; }
die() { printf 'services.sh: error: %s\n' "$*" >&2; exit 1; }

# Root runs commands directly; a developer box where we are not root goes through sudo.
SUDO=()
[[ $EUID -eq 0 ]] || SUDO=(sudo)
as_root() { "${SUDO[@]}" "$@"; }

# Installs the given Debian packages; `apt-get update` only once per run. apt's chatter
# goes to apt.log and is shown only when the install fails.
apt_install() {
  local log=$STATE_DIR/apt.log
  info "installing (apt): $*"
  mkdir -p "$STATE_DIR"
  if [[ -z ${APT_UPDATED:-} ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1 ||
      info "warning: apt-get update failed; trying the package lists already on the machine"
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "$@" >>"$log" 2>&1 || { tail -n 20 "$log" >&2; die "apt-get install $* failed (log: $log)"; }
}

# Installs PACKAGE unless COMMAND already exists, so a prepared machine makes no apt call.
need_cmd() { # command package
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

# True when something accepts TCP connections on 127.0.0.1:PORT (no ss/netstat needed).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# Prints the PID from PIDFILE if that process is alive AND is the expected program:
# a stale PID file after a reboot may point at an unrelated process.
pid_alive() { # pidfile comm
  local pid
  [[ -r $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] && ! not_running "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] || return 1
  printf '%s' "$pid"
}

# Polls COMMAND every 0.5 s until it succeeds or SECONDS elapse (bounded waits only).
wait_until() { # seconds command...
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# SIGTERM, then SIGKILL after the grace period (0: SIGKILL at once); removes the PID file.
stop_pidfile() { # pidfile comm label [grace seconds]
  local pid grace=${4:-30}
  pid=$(pid_alive "$1" "$2") || { rm -f "$1"; return 0; }
  if ((grace > 0)); then
    kill -TERM "$pid" 2>/dev/null || true
    wait_until "$grace" not_running "$pid" || info "$3: did not stop in $grace s, sending SIGKILL"
  fi
  if ! not_running "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 not_running "$pid" || true
  fi
  info "$3: stopped (pid $pid)"
  rm -f "$1"
}

# Gone, or a zombie: on machines whose PID 1 reaps orphans only now and then, a dead
# daemon can linger as a zombie for seconds and `kill -0` would still succeed.
not_running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  [[ ${stat%% *} == Z ]]
}

# Launches a daemon in its own session, without our stdin and WITHOUT fd 9: a daemon
# that inherited the lock fd would hold the state lock for as long as it lives.
detach() {
  setsid -w "$@" </dev/null 9>&-
}

# Serialises start/stop/reset so two test runs cannot bootstrap Ceph at the same time.
take_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  flock -w 600 9 || die "another services.sh holds $STATE_DIR/.lock for over 600 s"
}

# ---------------------------------------------------------------- PostgreSQL

pg_version() {
  local v
  v=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n1)
  [[ -n $v ]] || return 1
  printf '%s' "$v"
}

# Starts the system cluster when nothing listens on 5432. It stays a system service:
# `stop` never stops it (other projects on the machine may use it).
pg_start_local() {
  local ver
  need_cmd pg_ctlcluster postgresql
  # Where an init system works, the package's postinst has already started the cluster.
  port_open "$PG_PORT" && return 0
  ver=$(pg_version) || die "postgresql is installed but /etc/postgresql has no cluster"
  [[ -d /etc/postgresql/$ver/main ]] || as_root pg_createcluster "$ver" main >/dev/null
  info "postgres: starting cluster $ver/main"
  detach "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$ver" main start \
    </dev/null >>"$STATE_DIR/postgres-start.log" 2>&1 ||
    die "pg_ctlcluster $ver main start failed; see $STATE_DIR/postgres-start.log and /var/log/postgresql/"
  wait_until 30 port_open "$PG_PORT" ||
    die "PostgreSQL $ver/main started but does not listen on $HOST:$PG_PORT (check port in postgresql.conf)"
}

# Superuser psql reading SQL from stdin. The local socket with peer auth is what a fresh
# Debian install allows for `postgres`; TCP covers a server whose socket is elsewhere.
pg_super() {
  if id postgres >/dev/null 2>&1 &&
    runuser -u postgres -- psql -X -p "$PG_PORT" -d postgres -c '' >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U postgres -d postgres
  fi
}

# Idempotent: role (password reset every time, so it always matches `env`) and both DBs.
pg_ensure_db() {
  pg_super >/dev/null <<SQL || die "could not create role/databases as the postgres superuser"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SELECT 'CREATE DATABASE $DB_TEST_NAME OWNER $DB_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_TEST_NAME') \gexec
SQL
}

# The app connects over TCP with a password, so prove exactly that path works.
pg_login_ok() {
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h "$HOST" -p "$PG_PORT" \
    -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' >/dev/null 2>&1
}

start_postgres() {
  if ! port_open "$PG_PORT"; then pg_start_local; fi
  need_cmd psql postgresql-client # a server we reuse may have come without the client
  if ! pg_login_ok || ! pg_db_exists "$DB_TEST_NAME"; then pg_ensure_db; fi
  pg_login_ok || die "user $DB_USER cannot log in to $HOST:$PG_PORT/$DB_NAME with its password (check pg_hba.conf)"
  info "postgres: up on $HOST:$PG_PORT (databases $DB_NAME, $DB_TEST_NAME; user $DB_USER)"
}

pg_db_exists() {
  [[ $(PGPASSWORD=$DB_PASSWORD psql -X -tA -h "$HOST" -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" \
    -c "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null) == 1 ]]
}

status_postgres() {
  if ! port_open "$PG_PORT"; then echo "postgres  down  $HOST:$PG_PORT"; return 1; fi
  if pg_login_ok; then
    echo "postgres  up    $HOST:$PG_PORT  (system server; db $DB_NAME login ok)"
  else
    echo "postgres  up    $HOST:$PG_PORT  (but user $DB_USER cannot log in: run start)"
  fi
}

# ---------------------------------------------------------------- Redis

# Two instances with different promises. The spool instance (REDIS_PORT) fsyncs its AOF on every
# write: the audit spool lives there, and a request is answered only after its audit record is
# acknowledged, so an acknowledged record must already be on disk. The state instance
# (STATE_REDIS_PORT) holds rate-limit buckets and session idle times, which may be lost on a crash
# (the worst case is a fresh bucket), so it keeps nothing on disk and never makes a request wait for
# an fsync. Both are functions of a port so each can be started, checked and stopped alike.
redis_cli_on() { local port=$1; shift; timeout 5 redis-cli -h "$HOST" -p "$port" "$@" 2>/dev/null; }
redis_ping_on() { [[ $(redis_cli_on "$1" ping) == PONG ]]; }
redis_cli() { redis_cli_on "$REDIS_PORT" "$@"; }
redis_ping() { redis_ping_on "$REDIS_PORT"; }

# $1 port, $2 dir, $3 expected appendonly (yes|no), $4 label, $5.. persistence flags
start_redis_instance() {
  local port=$1 dir=$2 aof=$3 label=$4; shift 4
  local pidfile=$dir/redis.pid
  if pid_alive "$pidfile" redis-server >/dev/null && redis_ping_on "$port"; then
    info "$label: up on $HOST:$port (pid $(<"$pidfile"))"
    return
  fi
  need_cmd redis-server redis-server
  if port_open "$port"; then
    # Another worktree's instance may already serve the port: reuse it only if it keeps the same promise.
    [[ $(redis_cli_on "$port" config get appendonly | tail -n1) == "$aof" ]] ||
      die "port $port is taken by something that is not a Redis with appendonly=$aof"
    info "$label: reusing the instance already on $HOST:$port (not started from $STATE_DIR)"
    return
  fi
  mkdir -p "$dir"
  detach redis-server --bind "$HOST" --port "$port" --protected-mode yes "$@" --dir "$dir" \
    --daemonize yes --pidfile "$pidfile" --logfile "$dir/redis.log"
  wait_until 15 redis_ping_on "$port" || { tail -n 20 "$dir/redis.log" >&2; die "$label did not answer PING on $port within 15 s"; }
  info "$label: started on $HOST:$port (pid $(<"$pidfile"))"
}

start_redis() {
  start_redis_instance "$REDIS_PORT" "$REDIS_DIR" yes redis --appendonly yes --appendfsync always
  start_redis_instance "$STATE_REDIS_PORT" "$STATE_REDIS_DIR" no redis-state --appendonly no --save ""
}

stop_redis() {
  stop_pidfile "$STATE_REDIS_DIR/redis.pid" redis-server redis-state
  stop_pidfile "$REDIS_DIR/redis.pid" redis-server redis
}

status_redis_instance() {  # $1 port, $2 dir, $3 label
  local pid
  if pid=$(pid_alive "$2/redis.pid" redis-server) && redis_ping_on "$1"; then
    printf '%-9s up    %s:%s  (pid %s, started here)\n' "$3" "$HOST" "$1" "$pid"
  elif redis_ping_on "$1"; then
    printf '%-9s up    %s:%s  (external instance)\n' "$3" "$HOST" "$1"
  else
    printf '%-9s down  %s:%s\n' "$3" "$HOST" "$1"; return 1
  fi
}

status_redis() {
  local rc=0
  status_redis_instance "$REDIS_PORT" "$REDIS_DIR" redis || rc=1
  status_redis_instance "$STATE_REDIS_PORT" "$STATE_REDIS_DIR" redis-state || rc=1
  return "$rc"
}

# ---------------------------------------------------------------- Ceph (S3)

ceph_cli() { timeout 60 ceph -c "$CEPH_CONF" --connect-timeout 15 "$@"; }
rgw_admin() { timeout 120 radosgw-admin -c "$CEPH_CONF" "$@"; }
mon_pidfile() { echo "$CEPH_DIR/run/mon.$MON_ID.pid"; }
osd_pidfile() { echo "$CEPH_DIR/run/osd.0.pid"; }
rgw_pidfile() { echo "$CEPH_DIR/run/$RGW_NAME.pid"; }

# memstore for CI (fast, RAM only), bluestore on a sparse file for local persistence.
ceph_requested_store() {
  if [[ -n ${CORDON_CEPH_STORE:-} ]]; then
    [[ $CORDON_CEPH_STORE == memstore || $CORDON_CEPH_STORE == bluestore ]] ||
      die "CORDON_CEPH_STORE must be memstore or bluestore, not '$CORDON_CEPH_STORE'"
    echo "$CORDON_CEPH_STORE"
  elif [[ ${CI:-} == true ]]; then echo memstore; else echo bluestore; fi
}

ceph_store_in_use() { cat "$CEPH_DIR/bootstrapped" 2>/dev/null || echo none; }

# A signed ListBuckets proves gateway, user and keys at once, in a few milliseconds.
# curl does not send x-amz-content-sha256 by itself, and RGW will not verify without it
# (SignatureDoesNotMatch): give it the SHA-256 of the empty body.
s3_signed_ok() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --aws-sigv4 "aws:amz:$S3_REGION:s3" \
    --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" -H "x-amz-content-sha256: $EMPTY_SHA256" \
    "http://$HOST:$S3_PORT/" 2>/dev/null) == 200 ]]
}

s3_answers_xml() {
  [[ $(curl -s --max-time 5 "http://$HOST:$S3_PORT/" 2>/dev/null) == *'<?xml'* ]]
}

ceph_all_running() {
  pid_alive "$(mon_pidfile)" ceph-mon >/dev/null && pid_alive "$(osd_pidfile)" ceph-osd >/dev/null &&
    pid_alive "$(rgw_pidfile)" radosgw >/dev/null
}

ceph_any_running() {
  pid_alive "$(mon_pidfile)" ceph-mon >/dev/null || pid_alive "$(osd_pidfile)" ceph-osd >/dev/null ||
    pid_alive "$(rgw_pidfile)" radosgw >/dev/null
}

# curl is needed for the S3 health checks; a minimal Debian does not have it.
ceph_install() {
  local missing=() cmd
  for cmd in radosgw ceph-mon ceph-osd ceph curl; do
    command -v "$cmd" >/dev/null || missing+=("$cmd")
  done
  ((${#missing[@]} == 0)) && return
  [[ ${missing[*]} == curl ]] && { apt_install curl; return; }
  apt_install radosgw ceph-mon ceph-osd ceph-common curl
}

# Prints the last log lines and the disk-space hint, then exits: the usual causes of a
# failed start are visible there (the monitor shuts down below 5 % free disk).
ceph_fail() {
  local f free
  for f in "$CEPH_LOG"/*.log; do
    [[ -f $f ]] && { echo "--- tail of $f" >&2; tail -n 15 "$f" >&2; }
  done
  free=$(df -P "$STATE_DIR" | awk 'NR == 2 { printf "%d", $4 * 100 / $2 }')
  ((free > 5)) || info "NOTE: only ${free}% free on $(df -P "$STATE_DIR" | awk 'NR==2{print $6}'): ceph-mon refuses to run below 5% (mon_data_avail_crit)"
  die "$*"
}

# Runs a bootstrap step with its chatter in bootstrap.log; on failure shows it and exits.
ceph_step() { # description command...
  local desc=$1
  shift
  "$@" >>"$CEPH_LOG/bootstrap.log" 2>&1 || ceph_fail "ceph: $desc failed (exit $?)"
}

# The whole cluster lives under $CEPH_DIR: no file in /etc/ceph or /var/lib/ceph is used.
ceph_write_conf() { # store
  {
    echo "# Generated by scripts/services.sh: single-node Ceph for local development and CI."
    ceph_conf_global
    ceph_conf_one_node
    ceph_conf_daemons "$1"
  } >"$CEPH_CONF"
}

ceph_conf_global() {
  cat <<EOF
[global]
fsid = $(<"$CEPH_DIR/fsid")
mon_host = [v2:$HOST:$MON_V2_PORT,v1:$HOST:$MON_V1_PORT]
public_addr = $HOST
cluster_addr = $HOST
ms_bind_ipv6 = false
auth_cluster_required = cephx
auth_service_required = cephx
auth_client_required = cephx
keyring = $CEPH_DIR/keyrings/\$name.keyring
run_dir = $CEPH_DIR/run
pid_file = $CEPH_DIR/run/\$name.pid
admin_socket = $CEPH_DIR/run/\$name.asok
log_file = $CEPH_LOG/\$name.log
mon_cluster_log_file = $CEPH_LOG/cluster.log
crash_dir = $CEPH_DIR/crash
EOF
}

# One OSD: every pool has one replica and few placement groups; no manager daemon, so
# no autoscaler either.
ceph_conf_one_node() {
  cat <<EOF
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_max_pg_per_osd = 1000
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
# A lone monitor has nobody to batch proposals with: commit map changes after 50 ms, not
# 1 s (the gateway creates its pools one monitor command after another at first start).
paxos_propose_interval = 0.05
EOF
}

ceph_conf_daemons() { # store
  cat <<EOF
[mon]
mon_data = $CEPH_DIR/mon/ceph-\$id
keyring = \$mon_data/keyring
[osd]
osd_data = $CEPH_DIR/osd/ceph-\$id
keyring = \$osd_data/keyring
osd_objectstore = $1
memstore_device_bytes = $MEMSTORE_BYTES
bluestore_block_path = \$osd_data/bluestore.img
bluestore_block_create = true
bluestore_block_size = $BLUESTORE_BYTES
# Keep the OSD's caches small: this is a laptop/CI node, not a storage server.
osd_memory_target = 1073741824
[$RGW_NAME]
rgw_frontends = beast endpoint=$HOST:$S3_PORT
rgw_data = $CEPH_DIR/rgw
rgw_init_timeout = 90
EOF
}

# Ceph's own ports (and the S3 port) must be free before a new cluster is created.
ceph_check_ports() {
  local p
  for p in "$MON_V2_PORT" "$MON_V1_PORT" "$S3_PORT"; do
    port_open "$p" && die "port $p on $HOST is already in use (another Ceph/S3?); stop it or set CORDON_S3_PORT"
  done
  return 0
}

ceph_disk_check() {
  local free
  free=$(df -P "$STATE_DIR" | awk 'NR == 2 { printf "%d", $4 * 100 / $2 }')
  ((free > 5)) || die "only ${free}% disk free under $STATE_DIR: ceph-mon stops below 5% (mon_data_avail_crit); free some space"
}

ceph_make_keys() {
  local k=$CEPH_DIR/keyrings
  ceph_step "mon key" ceph-authtool --create-keyring "$k/mon.keyring" --gen-key -n mon. --cap mon 'allow *'
  ceph_step "admin key" ceph-authtool --create-keyring "$k/client.admin.keyring" --gen-key \
    -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *'
  ceph_step "key import" ceph-authtool "$k/mon.keyring" --import-keyring "$k/client.admin.keyring"
}

ceph_mkfs_mon() {
  local monmap=$CEPH_DIR/monmap
  ceph_step "monmaptool" monmaptool --create --clobber --fsid "$(<"$CEPH_DIR/fsid")" \
    --addv "$MON_ID" "[v2:$HOST:$MON_V2_PORT,v1:$HOST:$MON_V1_PORT]" "$monmap"
  mkdir -p "$CEPH_DIR/mon/ceph-$MON_ID"
  ceph_step "ceph-mon --mkfs" ceph-mon -c "$CEPH_CONF" --mkfs -i "$MON_ID" \
    --monmap "$monmap" --keyring "$CEPH_DIR/keyrings/mon.keyring"
}

# `ceph osd new` registers OSD 0 with its cephx secret; --mkfs then formats the store
# (for bluestore this creates the sparse block file).
ceph_mkfs_osd() {
  local uuid secret id
  uuid=$(</proc/sys/kernel/random/uuid)
  secret=$(ceph-authtool --gen-print-key)
  id=$(printf '{"cephx_secret": "%s"}' "$secret" | ceph_cli osd new "$uuid" -i - 2>>"$CEPH_LOG/bootstrap.log") ||
    ceph_fail "ceph osd new failed"
  [[ $id == 0 ]] || ceph_fail "expected OSD id 0, the monitor gave '$id'"
  mkdir -p "$CEPH_DIR/osd/ceph-0"
  ceph_step "osd keyring" ceph-authtool --create-keyring "$CEPH_DIR/osd/ceph-0/keyring" \
    --name osd.0 --add-key "$secret"
  ceph_step "ceph-osd --mkfs" ceph-osd -c "$CEPH_CONF" -i 0 --mkfs --osd-uuid "$uuid"
}

ceph_make_rgw_key() {
  ceph_step "rgw key" ceph_cli auth get-or-create "$RGW_NAME" mon 'allow rw' osd 'allow rwx' \
    -o "$CEPH_DIR/keyrings/$RGW_NAME.keyring"
}

# The daemons fork into the background themselves and write their own PID files.
ceph_start_mon() {
  pid_alive "$(mon_pidfile)" ceph-mon >/dev/null && return
  ceph_disk_check
  ceph_step "starting ceph-mon" detach ceph-mon -c "$CEPH_CONF" -i "$MON_ID"
  wait_until 30 ceph_cli mon stat >/dev/null 2>&1 || ceph_fail "ceph-mon did not form a quorum within 30 s"
}

ceph_start_osd() {
  pid_alive "$(osd_pidfile)" ceph-osd >/dev/null && return
  ceph_step "starting ceph-osd" detach ceph-osd -c "$CEPH_CONF" -i 0
  wait_until 60 osd_is_up || ceph_fail "ceph-osd did not come up within 60 s"
}

osd_is_up() { [[ $(ceph_cli osd stat 2>/dev/null) == *'1 up'* ]]; }

ceph_start_rgw() {
  pid_alive "$(rgw_pidfile)" radosgw >/dev/null && return
  ceph_step "starting radosgw" detach radosgw -c "$CEPH_CONF" -n "$RGW_NAME"
}

# Memstore keeps objects in RAM only, so a cluster whose OSD is gone is useless:
# anything but a running memstore OSD, or an existing bluestore cluster, is rebuilt.
ceph_can_resume() { # store
  [[ $(ceph_store_in_use) == "$1" && -f $CEPH_CONF ]] || return 1
  [[ $1 == bluestore ]] || pid_alive "$(osd_pidfile)" ceph-osd >/dev/null
}

ceph_bootstrap() { # store
  info "ceph: creating a new single-node cluster ($1) in $CEPH_DIR"
  stop_ceph 3
  rm -rf "${CEPH_DIR:?}"
  ceph_check_ports
  mkdir -p "$CEPH_DIR"/{keyrings,run,rgw,crash} "$CEPH_LOG"
  cat /proc/sys/kernel/random/uuid >"$CEPH_DIR/fsid"
  ceph_write_conf "$1"
  ceph_make_keys
  ceph_mkfs_mon
  ceph_start_mon
  ceph_mkfs_osd
  ceph_start_osd
  ceph_make_rgw_key
  echo "$1" >"$CEPH_DIR/bootstrapped"
}

ceph_resume() { # store
  info "ceph: restarting stopped daemons of the existing $1 cluster"
  ceph_write_conf "$1" # picks up changed settings (e.g. CORDON_S3_PORT)
  ceph_start_mon
  ceph_start_osd
}

# Creates the S3 user, or puts our access/secret key on an existing one.
ceph_ensure_user() {
  s3_signed_ok && return
  if rgw_admin user info --uid "$S3_UID" >/dev/null 2>&1; then
    ceph_step "radosgw-admin key create" rgw_admin key create --uid "$S3_UID" --key-type s3 \
      --access-key "$S3_ACCESS_KEY" --secret-key "$S3_SECRET_KEY"
  else
    ceph_step "radosgw-admin user create" rgw_admin user create --uid "$S3_UID" \
      --display-name Cordon --access-key "$S3_ACCESS_KEY" --secret-key "$S3_SECRET_KEY"
  fi
  wait_until 10 s3_signed_ok || ceph_fail "S3 user '$S3_UID' exists but a signed request is refused"
}

start_ceph() {
  local store
  store=$(ceph_requested_store)
  if ceph_all_running && s3_signed_ok; then
    info "ceph: up, S3 on http://$HOST:$S3_PORT ($(ceph_store_in_use))"
    [[ $(ceph_store_in_use) == "$store" ]] || info "ceph: note: running $(ceph_store_in_use), not $store; use 'stop' then 'start' to switch"
    return
  fi
  if ! ceph_any_running && s3_signed_ok; then
    info "ceph: reusing the S3 endpoint already on $HOST:$S3_PORT (not started from $STATE_DIR)"
    return
  fi
  ceph_install
  # A half-running cluster (e.g. only the gateway died) is resumed as it is: switching stores
  # here would wipe data that is still alive.
  if [[ $(ceph_store_in_use) != "$store" && $(ceph_store_in_use) != none ]] && ceph_any_running; then
    info "ceph: keeping the running $(ceph_store_in_use) cluster (requested $store); use 'stop' then 'start' to switch"
    store=$(ceph_store_in_use)
  fi
  if ceph_can_resume "$store"; then
    ceph_resume "$store"
  else
    ceph_why_rebuild "$store"
    ceph_bootstrap "$store"
  fi
  ceph_gateway_up
  info "ceph: up, S3 on http://$HOST:$S3_PORT ($store; mon $MON_V2_PORT/$MON_V1_PORT)"
}

# Says why existing S3 data is about to be dropped, so nobody is surprised by it.
ceph_why_rebuild() { # requested store
  case $(ceph_store_in_use) in
    none) ;;
    memstore) info "ceph: the memstore OSD is not running, so its data is gone: rebuilding" ;;
    "$1") info "ceph: the existing $1 cluster is incomplete: rebuilding" ;;
    *) info "ceph: switching from $(ceph_store_in_use) to $1 (CI=${CI:-}, CORDON_CEPH_STORE=${CORDON_CEPH_STORE:-})" ;;
  esac
}

ceph_gateway_up() {
  ceph_start_rgw
  wait_until "$CEPH_TIMEOUT" s3_answers_xml ||
    ceph_fail "S3 endpoint http://$HOST:$S3_PORT did not answer within $CEPH_TIMEOUT s"
  ceph_ensure_user
}

# Bluestore: gateway, OSD, monitor in that order, each given time to finish (a gateway
# whose OSD is gone hangs on SIGTERM; the OSD reports its shutdown to the monitor).
# Memstore keeps its data in RAM only and is wiped at the next start anyway, so SIGKILL.
stop_ceph() { # [grace seconds]
  local grace=${1:-30}
  [[ $(ceph_store_in_use) != memstore ]] || grace=0
  stop_pidfile "$(rgw_pidfile)" radosgw radosgw "$grace"
  stop_pidfile "$(osd_pidfile)" ceph-osd ceph-osd "$grace"
  stop_pidfile "$(mon_pidfile)" ceph-mon ceph-mon "$grace"
}

status_ceph() {
  local mon osd rgw
  mon=$(pid_alive "$(mon_pidfile)" ceph-mon) || mon=-
  osd=$(pid_alive "$(osd_pidfile)" ceph-osd) || osd=-
  rgw=$(pid_alive "$(rgw_pidfile)" radosgw) || rgw=-
  if s3_signed_ok && [[ $mon$osd$rgw == --- ]]; then
    echo "ceph-s3   up    $HOST:$S3_PORT  (external endpoint, not started from $STATE_DIR)"
  elif s3_signed_ok; then
    echo "ceph-s3   up    $HOST:$S3_PORT  ($(ceph_store_in_use); pids mon $mon, osd $osd, rgw $rgw)"
  else
    echo "ceph-s3   down  $HOST:$S3_PORT  (pids mon $mon, osd $osd, rgw $rgw)"; return 1
  fi
}

# ---------------------------------------------------------------- commands

cmd_start() {
  take_lock
  start_postgres
  start_redis
  start_ceph
}

cmd_stop() {
  take_lock
  stop_ceph
  stop_redis
  info "postgres: left running (system server, shared with other users)"
}

cmd_status() {
  local rc=0
  status_postgres || rc=3
  status_redis || rc=3
  status_ceph || rc=3
  return "$rc"
}

cmd_env() {
  cat <<EOF
export CORDON_DB_URL='jdbc:postgresql://$HOST:$PG_PORT/$DB_NAME'
export CORDON_TEST_DB_URL='jdbc:postgresql://$HOST:$PG_PORT/$DB_TEST_NAME'
export CORDON_DB_USER='$DB_USER'
export CORDON_DB_PASSWORD='$DB_PASSWORD'
export CORDON_REDIS_URL='redis://$HOST:$REDIS_PORT'
export CORDON_STATE_REDIS_URL='redis://$HOST:$STATE_REDIS_PORT'
export CORDON_S3_ENDPOINT='http://$HOST:$S3_PORT'
export CORDON_S3_ACCESS_KEY='$S3_ACCESS_KEY'
export CORDON_S3_SECRET_KEY='$S3_SECRET_KEY'
export CORDON_S3_REGION='$S3_REGION'
# Ceph 16 rejects the AWS SDK v2 default flexible checksums (XAmzContentSHA256Mismatch).
export AWS_REQUEST_CHECKSUM_CALCULATION='when_required'
export AWS_RESPONSE_CHECKSUM_VALIDATION='when_required'
EOF
}

cmd_reset_s3() {
  take_lock
  ceph_install
  ceph_bootstrap "$(ceph_requested_store)"
  ceph_gateway_up
  info "ceph: reset done, S3 on http://$HOST:$S3_PORT is empty"
}

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

main() {
  case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    reset-s3) cmd_reset_s3 ;;
    -h | --help | help) usage 0 ;;
    *) usage 2 >&2 ;;
  esac
}

main "$@"
