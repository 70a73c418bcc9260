# Shared by run.sh and test.sh: find or install the PostgreSQL server, and run a private cluster that
# listens on 127.0.0.1 only. Sourced, not executed.

pt_die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
pt_info() { printf '\033[36m==>\033[0m %s\n' "$*"; }

pt_can_sudo_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

# Installs Debian packages when running as root with apt-get; otherwise explains what to run.
pt_apt_install() {
  local why="$1"; shift
  if pt_can_sudo_apt; then
    pt_info "installing $* ($why)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || pt_die "apt-get update failed; install $* yourself and run again"
    apt-get install -y -qq "$@" >/dev/null || pt_die "apt-get install $* failed; install it yourself and run again"
  else
    pt_die "$why needs the Debian packages: $*. Install them with: sudo apt-get update && sudo apt-get install -y $*"
  fi
}

# Sets PG_BIN to the newest installed server's bin folder, installing the server if it is missing.
pt_find_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    pt_apt_install "a local PostgreSQL server" postgresql
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$PG_BIN/initdb" ] || pt_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
  command -v psql >/dev/null 2>&1 || [ -x "$PG_BIN/psql" ] || pt_apt_install "the psql client" postgresql-client
  PSQL=$(command -v psql || echo "$PG_BIN/psql")
}

# initdb and postgres refuse to run as root: run them as the postgres account then.
pt_as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pt_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pt_free_port() {
  local port i
  for i in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    pt_port_in_use "$port" || { echo "$port"; return 0; }
  done
  pt_die "no free TCP port found"
}

pt_random_secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

# pt_init_cluster DIR SUPERUSER_PASSWORD: a new cluster with password (SCRAM) logins over TCP only.
pt_init_cluster() {
  local dir="$1" password="$2"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  local pwfile="$dir.pw"
  printf '%s\n' "$password" > "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pwfile"
  pt_as_pg "$PG_BIN/initdb" -D "$dir" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; rm -f "$pwfile"; pt_die "initdb failed"; }
  rm -f "$pwfile" "$dir.initdb.log"
}

# pt_start_cluster DIR PORT: loopback only, no Unix socket, logs in DIR/log.
pt_start_cluster() {
  local dir="$1" port="$2"
  pt_as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=${PT_PG_FSYNC:-on} -c max_connections=200" \
    start >/dev/null || { tail -n 20 "$dir/server.log" >&2; pt_die "PostgreSQL did not start (see $dir/server.log)"; }
}

pt_cluster_running() { pt_as_pg "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

pt_stop_cluster() {
  local dir="$1"
  [ -d "$dir" ] && pt_cluster_running "$dir" && pt_as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

# pt_psql PORT SUPERUSER_PASSWORD SQL...: runs statements as the cluster superuser.
pt_psql() {
  local port="$1" password="$2"; shift 2
  PGPASSWORD="$password" "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

# pt_create_roles PORT SUPERUSER_PASSWORD OWNER_PASSWORD APP_PASSWORD [DATABASE]:
# portal_owner owns the schema and runs migrations; portal_app is what the web app connects as, so the
# database can refuse it things (changing audit rows) that the code never asks for.
pt_create_roles() {
  local port="$1" su="$2" owner_pw="$3" app_pw="$4" db="${5:-}"
  pt_psql "$port" "$su" <<SQL
CREATE ROLE portal_owner LOGIN CREATEDB PASSWORD '$owner_pw';
CREATE ROLE portal_app LOGIN PASSWORD '$app_pw';
-- Lets the owner drop a database the app role is still connected to (DROP DATABASE ... WITH (FORCE)).
GRANT pg_signal_backend TO portal_owner;
SQL
  if [ -n "$db" ]; then
    pt_psql "$port" "$su" -c "CREATE DATABASE $db OWNER portal_owner ENCODING 'UTF8'"
  fi
}
