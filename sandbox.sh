#!/usr/bin/env bash
# The local sandbox: API emulator + operator + traffic simulator + Prometheus on 127.0.0.1 (see docs/sandbox.md).
#   ./sandbox.sh demo          guided canary demo (promotion, then automatic rollback)
#   ./sandbox.sh               everything up until Ctrl-C; prints the KUBECONFIG to use
#   ./sandbox.sh apply -f my-rollout.yaml -f my-template.yaml [--prometheus URL]
set -euo pipefail
cd "$(dirname "$0")"
# exec: Ctrl-C and SIGTERM go straight to the sandbox, which stops Prometheus and removes its directory.
exec dotnet run --project src/RolloutOperator.Sandbox -- "$@"
