#!/usr/bin/env bash
# Builds everything and runs every test project against a throwaway PostgreSQL cluster on a free port.
# Usage: ./test.sh [extra options passed to `dotnet test`, e.g. --filter-class '*CreditCode*']
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

command -v dotnet >/dev/null 2>&1 || pt_die "the .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian"

pt_find_postgres
if [ ! -x /usr/bin/chromium ]; then
  pt_apt_install "the browser tests (Chromium, with CJK fonts for screenshots)" chromium fonts-noto-cjk
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pt_info "building (Release, warnings are errors)"
dotnet build PatentTransfer.sln -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d /tmp/patenttransfer-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  pt_stop_cluster "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

su_pw=$(pt_random_secret); owner_pw=$(pt_random_secret); app_pw=$(pt_random_secret)
port=$(pt_free_port)
pt_info "starting a throwaway PostgreSQL on 127.0.0.1:$port"
PT_PG_FSYNC=off pt_init_cluster "$work/pg" "$su_pw"
PT_PG_FSYNC=off pt_start_cluster "$work/pg" "$port"
pt_create_roles "$port" "$su_pw" "$owner_pw" "$app_pw"

# Each test assembly creates its own database as portal_owner and connects the app as portal_app.
export PORTAL_TEST_OWNER_CONNECTION="Host=127.0.0.1;Port=$port;Username=portal_owner;Password=$owner_pw;Database=postgres"
export PORTAL_TEST_APP_CONNECTION="Host=127.0.0.1;Port=$port;Username=portal_app;Password=$app_pw"
export PORTAL_ARTIFACTS_DIR="$PWD/artifacts"
mkdir -p "$PORTAL_ARTIFACTS_DIR"

pt_info "running tests"
extra=()
# With a filter some test assemblies match nothing; that is not a failure then (exit code 8: zero tests ran).
[ "$#" -gt 0 ] && extra=(--ignore-exit-code 8)
set +e
dotnet test --solution PatentTransfer.sln -c Release --no-build --results-directory "$PORTAL_ARTIFACTS_DIR/test-results" "${extra[@]}" "$@" 2>&1 \
  | tee "$work/test-output.txt"
status=${PIPESTATUS[0]}
set -e

# One closing line that any reader understands, summed over all test assemblies.
sum() { grep -E "^[[:space:]]+$1: [0-9]+" "$work/test-output.txt" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum succeeded); failed=$(sum failed); skipped=$(sum skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
