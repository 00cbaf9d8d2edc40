#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed".
# Needs: the .NET 10 SDK, and Prometheus for the analysis tests (Debian: apt-get install -y prometheus).
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v "${PROMETHEUS_BIN:-prometheus}" >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Prometheus (analysis tests run a real one)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus) >/dev/null
  else
    echo "Prometheus is missing: run 'sudo apt-get install -y prometheus' (the analysis tests start a real one)." >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build RolloutOperator.sln -c Debug 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  dotnet build RolloutOperator.sln -c Debug 2>&1 | grep -E "error" | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test RolloutOperator.sln --no-build --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed reports no counts; it still is a failure.
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
