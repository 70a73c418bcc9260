#!/usr/bin/env bash
# Runs the portal with demo data on http://127.0.0.1:5000, on a local PostgreSQL cluster that this script
# owns (data in .data/, loopback only). Set ConnectionStrings__Portal to use another database instead.
# Usage: ./run.sh [--reset]     --reset deletes the local cluster and starts from scratch
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

reset=0
for arg in "$@"; do
  case "$arg" in
    --reset) reset=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) pt_die "unknown option $arg (try --help)" ;;
  esac
done

command -v dotnet >/dev/null 2>&1 || pt_die "the .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development

url="http://127.0.0.1:5000"
data="$PWD/.data"
pg_dir="$data/postgres"
own_cluster=0

if [ -n "${ConnectionStrings__Portal:-}" ]; then
  pt_info "using the database in ConnectionStrings__Portal"
  [ "$reset" = 1 ] && pt_die "--reset only applies to the local cluster; drop your own database yourself"
else
  pt_find_postgres
  if [ "$reset" = 1 ] && [ -d "$data" ]; then
    pt_info "--reset: deleting the local cluster and data in $data"
    pt_stop_cluster "$pg_dir"
    rm -rf "$data"
  fi
  mkdir -p "$data"
  chmod 755 "$data"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$data"; then
    pt_die "the postgres account cannot reach $data (a parent folder is private); clone the repository somewhere world-readable such as /opt or /srv"
  fi

  if [ ! -f "$pg_dir/PG_VERSION" ]; then
    pt_info "creating a local PostgreSQL cluster in $pg_dir"
    su_pw=$(pt_random_secret); owner_pw=$(pt_random_secret); app_pw=$(pt_random_secret)
    port=$(pt_free_port)
    pt_init_cluster "$pg_dir" "$su_pw"
    pt_start_cluster "$pg_dir" "$port"
    pt_create_roles "$port" "$su_pw" "$owner_pw" "$app_pw" patenttransfer
    umask 077
    cat > "$data/db.env" <<ENV
PT_PORT=$port
PT_SUPERUSER_PASSWORD=$su_pw
PT_OWNER_PASSWORD=$owner_pw
PT_APP_PASSWORD=$app_pw
ENV
    umask 022
  else
    # shellcheck disable=SC1091
    source "$data/db.env"
    port=$PT_PORT
    if ! pt_cluster_running "$pg_dir"; then
      pt_port_in_use "$port" && pt_die "port $port of the local cluster is taken by another program; stop it or run ./run.sh --reset"
      pt_start_cluster "$pg_dir" "$port"
    fi
  fi
  # shellcheck disable=SC1091
  source "$data/db.env"
  own_cluster=1
  export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PT_PORT;Database=patenttransfer;Username=portal_app;Password=$PT_APP_PASSWORD"
  export ConnectionStrings__PortalAdmin="Host=127.0.0.1;Port=$PT_PORT;Database=patenttransfer;Username=portal_owner;Password=$PT_OWNER_PASSWORD"
  pt_info "PostgreSQL is running on 127.0.0.1:$PT_PORT (data in $pg_dir)"
fi

stop_cluster() { [ "$own_cluster" = 1 ] && pt_stop_cluster "$pg_dir"; return 0; }
trap stop_cluster EXIT
trap 'exit 130' INT TERM

pt_port_in_use 5000 && pt_die "port 5000 is in use; stop whatever listens there (ss -ltnp 'sport = :5000') and run again"

pt_info "building"
# MSBuild prints its summary even when asked to be quiet; its output is shown only when the build fails.
build() { local out; out=$(dotnet build "$1" -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1) || { printf '%s\n' "$out" >&2; pt_die "the build failed"; }; }
build src/PatentTransfer.Web/PatentTransfer.Web.csproj
build src/PatentTransfer.Cli/PatentTransfer.Cli.csproj

pt_info "applying migrations and loading reference and demo data"
cli="src/PatentTransfer.Cli/bin/Release/net10.0/patenttransfer"
mkdir -p "$data/mail" "$data/logs"
# The set-up's results come on standard output (shown below); its log goes to a file, shown only if it fails.
accounts=$("$cli" db setup --demo 2>"$data/logs/setup.log") || { cat "$data/logs/setup.log" >&2; pt_die "database set-up failed (log above, also in $data/logs/setup.log)"; }

export Mail__PickupDirectory="$data/mail"
export Serilog__WriteTo__1__Args__path="$data/logs/portal-.log"

cat <<MSG

  PatentTransfer is starting on  $url

$(printf '%s\n' "$accounts" | sed 's/^/  /')

  E-mails the portal sends are written to $data/mail
  Logs: console and $data/logs/
  Stop with Ctrl+C. Data is kept; ./run.sh --reset starts from scratch.

MSG
cd src/PatentTransfer.Web
ASPNETCORE_URLS="$url" dotnet bin/Release/net10.0/PatentTransfer.Web.dll
