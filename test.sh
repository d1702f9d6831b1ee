#!/usr/bin/env bash
# Runs every test of SumahoSupport on a fresh Debian machine: installs what the tests need (Chromium, Japanese fonts,
# the SMTP server used by mail tests), restores, builds, checks both providers' migrations are in sync with the
# model, runs every test project, and ends with "N passed, N failed".
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

# --- restore and build ------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
step "Restoring tools and packages"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed"
dotnet restore SumahoSupport.sln || fail "restore failed"
step "Building"
dotnet build SumahoSupport.sln --no-restore -c Debug || fail "build failed"

# --- both providers' migrations must match the model ----------------------------------------------
for provider in Sqlite SqlServer; do
  step "Checking $provider migrations against the model"
  dotnet ef migrations has-pending-model-changes \
    --project "src/SumahoSupport.Migrations.$provider" --startup-project src/SumahoSupport.Web --no-build \
    -- --Database:Provider=$provider \
    || fail "$provider migrations are behind the model: add a migration to both migrations projects (see README)"
done

# --- tests ------------------------------------------------------------------------------------------
status=0
projects=(tests/SumahoSupport.Tests tests/SumahoSupport.BrowserTests)
# The SQL Server suite needs a server; none can run on this machine (no Docker engine), so it runs where one is named.
if [ -n "${SUMAHO_SQLSERVER:-}" ]; then
  projects+=(tests/SumahoSupport.SqlServerTests)
else
  echo "SQL Server suite (tests/SumahoSupport.SqlServerTests) not run: set SUMAHO_SQLSERVER to a connection string to run it."
fi
for project in "${projects[@]}"; do
  name=$(basename "$project")
  step "Running $name"
  dotnet test "$project" --no-build -c Debug \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    || status=1
done

# --- one line of totals, read from every TRX file ---------------------------------------------------
totals=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} {failed} {skipped}")
PY
) || fail "could not read the test results"
read -r passed failed skipped <<<"$totals"
echo
echo "Screenshots: artifacts/screenshots/"
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
