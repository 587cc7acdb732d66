#!/usr/bin/env bash
# Runs every HelpBot test. Installs what the tests need when it is missing (redis-server; the tests start their own
# servers on free ports), builds the solution and runs all test projects, then prints one summary line.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing: $*. Install them with your package manager (as root: apt-get install -y $*) and run again." >&2
      exit 1
    fi
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The browser test drives Debian's chromium; a CJK font makes its Chinese screenshots readable.
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  apt_install "${need[@]}"
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK 10 is required (dotnet not found)." >&2; exit 1; }

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

log "Building"
dotnet build HelpBot.sln -c Release -nologo -v quiet

log "Testing"
set +e
dotnet test HelpBot.sln -c Release --no-build -nologo \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One line that sums up every test project's "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" line.
summary=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results/console.log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
# The conversation stories' pass^k table (tests/HelpBot.Stories.Tests writes it; see docs/testing.md).
if [ -f "$results/stories.txt" ]; then
  echo
  cat "$results/stories.txt"
fi
echo
echo "$summary"
if [ "$status" -ne 0 ]; then
  echo "dotnet test failed (exit $status); see $results/console.log and the .trx files there." >&2
fi
exit "$status"
