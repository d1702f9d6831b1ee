#!/usr/bin/env bash
# Runs every test of SumahoSupport on a fresh Debian machine: installs what the tests need (Chromium, Japanese fonts,
# the SMTP server used by mail tests, the IMAP server the calendar replies are read from, PostgreSQL 15), restores,
# builds, checks the three providers' migrations are in sync with the model, starts a throw-away PostgreSQL cluster and
# IMAP server, runs the integration tests on SQLite and on PostgreSQL
# (and on SQL Server when SUMAHO_SQLSERVER names one) and the browser tests, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\ntest.sh: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- system packages the tests need --------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The mail tests run a real SMTP server (aiosmtpd) with Debian's own python3.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# The calendar reply tests read a real IMAP mailbox: Debian's Dovecot.
{ [ -x /usr/sbin/dovecot ] && dpkg -s dovecot-imapd >/dev/null 2>&1; } || missing+=(dovecot-imapd)
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || missing+=(postgresql-15)
# The W3C Nu HTML Checker (npm vnu-jar) runs on Debian's Java.
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing ${missing[*]}"
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || fail "could not install ${missing[*]}"
  else
    fail "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  fi
fi

# The checker itself, pinned, into .tools/ (ignored by git); HtmlCheckerTests finds it by SUMAHO_VNU_JAR.
vnu_version=26.9.27
export SUMAHO_VNU_JAR="$root/.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
if ! grep -qs "\"version\": \"$vnu_version\"" "$root/.tools/vnu/node_modules/vnu-jar/package.json"; then
  step "Installing the Nu HTML Checker (vnu-jar $vnu_version)"
  npm install --prefix "$root/.tools/vnu" --no-audit --no-fund --ignore-scripts "vnu-jar@$vnu_version" >/dev/null \
    || fail "could not install vnu-jar from npm"
fi

# --- restore and build ------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
step "Restoring tools and packages"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed"
dotnet restore SumahoSupport.sln || fail "restore failed"
step "Building"
dotnet build SumahoSupport.sln --no-restore -c Debug || fail "build failed"

# --- every provider's migrations must match the model ----------------------------------------------
for provider in Sqlite PostgreSql SqlServer; do
  step "Checking $provider migrations against the model"
  dotnet ef migrations has-pending-model-changes \
    --project "src/SumahoSupport.Migrations.$provider" --startup-project src/SumahoSupport.Web --no-build \
    -- --Database:Provider=$provider \
    || fail "$provider migrations are behind the model: add a migration to every migrations project (see README)"
done

# --- a throw-away PostgreSQL cluster for this run -------------------------------------------------
# Its own folder, an unprivileged user, a loopback port and a random password; stopped and removed on any exit.
step "Starting a throw-away PostgreSQL cluster"
pgroot=$(mktemp -d /tmp/sumaho-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
imaproot=""
stop_servers() {
  as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pgroot"
  if [ -n "$imaproot" ]; then
    /usr/sbin/dovecot -c "$imaproot/dovecot.conf" stop >/dev/null 2>&1
    rm -rf "$imaproot"
  fi
}
trap stop_servers EXIT
trap 'exit 130' INT TERM
[ "$(id -u)" = 0 ] && chown postgres: "$pgroot"
pgpassword=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$pgpassword" >"$pgroot/password"
[ "$(id -u)" = 0 ] && chown postgres: "$pgroot/password"
pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=scram-sha-256 --pwfile="$pgroot/password" -E UTF8 --locale=C.UTF-8 >"$pgroot/initdb.log" 2>&1 \
  || { cat "$pgroot/initdb.log"; fail "initdb failed"; }
# Durability is not what these tests prove; fsync off makes creating a database per test class cheap.
as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgroot -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$pgroot/server.log"; fail "PostgreSQL did not start"; }
export SUMAHO_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=$pgpassword"
echo "PostgreSQL 15 on 127.0.0.1:$pgport ($pgroot)"

# --- a throw-away IMAP server (Dovecot) for this run -------------------------------------------------
# Its own folder, config, loopback port and random password; any user name signs in with that password and gets a
# mailbox of its own, so each test reads its own (tests/SumahoSupport.Tests/Infrastructure/ImapServer.cs).
step "Starting a throw-away IMAP server"
imaproot=$(mktemp -d /tmp/sumaho-imap.XXXXXX)
chmod 711 "$imaproot"
mkdir -p "$imaproot/run" "$imaproot/state" "$imaproot/mail"
imapport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
imappassword=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
if [ "$(id -u)" = 0 ]; then
  mailowner=dovecot
  unprivileged=""
else
  # Not root: every process of the server runs as this user.
  mailowner=$(id -un)
  unprivileged="default_internal_user = $mailowner
default_login_user = $mailowner"
fi
chown "$mailowner" "$imaproot/mail"
cat >"$imaproot/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
instance_name = sumaho-test-imap
base_dir = $imaproot/run
state_dir = $imaproot/state
log_path = $imaproot/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
$unprivileged
mail_location = maildir:$imaproot/mail/%n
passdb {
  driver = static
  args = password=$imappassword
}
userdb {
  driver = static
  args = uid=$mailowner gid=$(id -gn "$mailowner") home=$imaproot/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imapport
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
CONF
/usr/sbin/dovecot -c "$imaproot/dovecot.conf" || { cat "$imaproot/dovecot.log" 2>/dev/null; fail "Dovecot did not start"; }
python3 - "$imapport" <<'PY' || { cat "$imaproot/dovecot.log"; fail "Dovecot does not answer on 127.0.0.1:$imapport"; }
import socket, sys, time
for _ in range(100):
    try:
        with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as s:
            if s.recv(100).startswith(b"* OK"): sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
PY
export SUMAHO_IMAP="Host=127.0.0.1;Port=$imapport;Password=$imappassword"
echo "Dovecot on 127.0.0.1:$imapport ($imaproot)"

# --- tests ------------------------------------------------------------------------------------------
# Every test clock starts at SUMAHO_TEST_NOW (see tests/SumahoSupport.Tests/Infrastructure/TestClock.cs). The whole suite
# runs at the real time, pinned when the run starts so that a failure can be replayed: give the printed line back.
export SUMAHO_TEST_NOW="${SUMAHO_TEST_NOW:-$(TZ=Asia/Tokyo date +%Y-%m-%dT%H:%M:%S%:z)}"
echo "Tests' now: SUMAHO_TEST_NOW=$SUMAHO_TEST_NOW ./test.sh replays this run's dates."
# The integration tests run once per database (TestDatabases in the tests reads SUMAHO_TEST_DATABASE). Tests about the
# SQLite file itself run on SQLite only; tests that need several app instances on one database, on the servers only.
status=0
runs=("Sqlite|tests/SumahoSupport.Tests|Provider!=ServerOnly"
      "PostgreSql|tests/SumahoSupport.Tests|Provider!=SqliteOnly")
# No SQL Server can run on this machine (no Docker engine), so that run happens where one is named.
if [ -n "${SUMAHO_SQLSERVER:-}" ]; then
  runs+=("SqlServer|tests/SumahoSupport.Tests|Provider!=SqliteOnly")
else
  echo "SQL Server run not done: set SUMAHO_SQLSERVER to a connection string (a login that may create databases) to run it."
fi
runs+=("Sqlite|tests/SumahoSupport.BrowserTests|")
for run in "${runs[@]}"; do
  IFS='|' read -r provider project filter <<<"$run"
  name="$(basename "$project").$provider"
  step "Running $(basename "$project") on $provider"
  SUMAHO_TEST_DATABASE=$provider dotnet test "$project" --no-build -c Debug ${filter:+--filter "$filter"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    || status=1
done

# --- the date sweep ---------------------------------------------------------------------------------
# The date-sensitive tests (classes and series, staffing, bookings and their cut-offs, reminders, surveys, certification,
# the fiscal year, retention) again at fixed instants in Tokyo: every weekday, both sides of midnight, the fiscal-year
# turn and its evening (a class two hours on is last year's by the time it is reported), the calendar-year turn,
# 29 February, a 振替休日 (Monday 2027-03-22 after 春分の日 on a Sunday) and Golden Week.
# The holidays' seed file must cover each instant and the months after it.
sweep_filter="Provider!=ServerOnly&(FullyQualifiedName~SumahoSupport.Tests.Classes.|FullyQualifiedName~SumahoSupport.Tests.Staffing.\
|FullyQualifiedName~SumahoSupport.Tests.Coordinator.CoordinatorPagesTests|FullyQualifiedName~SumahoSupport.Tests.Bookings.BookingPagesTests\
|FullyQualifiedName~SumahoSupport.Tests.Pages.ClassFilterTests|FullyQualifiedName~SumahoSupport.Tests.Mail.ReminderTests\
|FullyQualifiedName~SumahoSupport.Tests.Mail.NotificationPagesTests|FullyQualifiedName~SumahoSupport.Tests.Surveys.\
|FullyQualifiedName~SumahoSupport.Tests.Supporters.|FullyQualifiedName~SumahoSupport.Tests.Privacy.\
|FullyQualifiedName~SumahoSupport.Tests.Consultations.|FullyQualifiedName~SumahoSupport.Tests.Bookings.MoveTests\
|FullyQualifiedName~SumahoSupport.Tests.Seeding.)"
sweep_instants=(
  2027-03-21T23:59:00+09:00  # Sunday, 春分の日; the next day is its 振替休日
  2028-02-28T23:59:00+09:00  # Monday; the next day is 29 February
  2028-02-29T00:01:00+09:00  # Tuesday, 29 February
  2027-03-31T20:30:00+09:00  # Wednesday evening: a class two hours on is in March, its survey five hours on in April
  2027-03-31T23:59:00+09:00  # Wednesday, the fiscal year's last minute
  2027-04-01T00:01:00+09:00  # Thursday, the new fiscal year's first minute
  2027-12-31T23:59:00+09:00  # Friday, the calendar year's last minute
  2027-05-01T00:01:00+09:00  # Saturday in Golden Week (holidays on the Monday to Wednesday after)
)
for instant in "${sweep_instants[@]}"; do
  name="DateSweep-$(tr -d ':' <<<"${instant%:00+09:00}").Sqlite"
  step "Running the date-sensitive tests at $instant"
  SUMAHO_TEST_NOW=$instant SUMAHO_TEST_DATABASE=Sqlite dotnet test tests/SumahoSupport.Tests --no-build -c Debug \
    --filter "$sweep_filter" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    || status=1
done

# --- a line per run, then one line of totals, read from every TRX file --------------------------------
echo
totals=$(python3 - "$results" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    counters = ET.parse(path).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    p = int(counters.get("passed", 0))
    f = sum(int(counters.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    s = int(counters.get("notExecuted", 0))
    project, provider = os.path.basename(path)[:-4].rsplit(".", 1)
    print(f"{project} on {provider}: {p} passed, {f} failed" + (f", {s} skipped" if s else ""), file=sys.stderr)
    passed, failed, skipped = passed + p, failed + f, skipped + s
print(f"{passed} {failed} {skipped}")
PY
) || fail "could not read the test results"
read -r passed failed skipped <<<"$totals"
echo "Screenshots: artifacts/screenshots/"
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
