#!/usr/bin/env bash
# Runs every test suite, as CI does: unit and HTTP tests on SQLite and again on a throwaway PostgreSQL,
# the text-mining tests, and the browser journeys in Debian's Chromium. Installs what a fresh Debian
# machine lacks (postgresql, chromium, CJK fonts) and stops everything it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo 55432
}

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/weishi-pg.XXXXXX)
PGPORT=$(free_port)
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
cleanup() {
  pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

echo "== starting PostgreSQL on 127.0.0.1:$PGPORT"
pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U weishi -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "initdb failed"; exit 1; }
pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" \
  -l "$PGDIR/log" -w start >/dev/null || { cat "$PGDIR/log"; exit 1; }
export WEISHI_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=weishi"

echo "== building"
dotnet build Weishi.slnx -c Release -warnaserror -v quiet -nologo || exit 1

status=0
run() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" || status=1
}
run sqlite tests/Weishi.Tests WEISHI_TEST_DB=sqlite
run postgres tests/Weishi.Tests WEISHI_TEST_DB=postgres
in_solution() { grep -q "$1" Weishi.slnx; }
in_solution Weishi.TextMining.Tests && run textmining tests/Weishi.TextMining.Tests
in_solution Weishi.BrowserTests && run browser tests/Weishi.BrowserTests WEISHI_TEST_DB=sqlite

passed=0; failed=0; skipped=0
for f in "$RESULTS"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${x:-0}))
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
