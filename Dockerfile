# syntax=docker/dockerfile:1
# rollout-operator container image.
#   docker build -t rollout-operator:dev .
# The build stage restores with only the project files first, so source edits reuse the restore layer.
# tests/RolloutOperator.Deploy.Tests checks that every COPY source exists, that the restore stage copies every
# project the host references, and runs the same `dotnet publish` and starts the result.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Restore layer: build settings, central package versions and the host's project closure only.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Directory.Build.props src/BannedSymbols.txt src/
COPY src/RolloutOperator/RolloutOperator.csproj src/RolloutOperator/
COPY src/RolloutOperator.Controller/RolloutOperator.Controller.csproj src/RolloutOperator.Controller/
COPY src/RolloutOperator.Core/RolloutOperator.Core.csproj src/RolloutOperator.Core/
COPY src/RolloutOperator.Model/RolloutOperator.Model.csproj src/RolloutOperator.Model/
COPY src/RolloutOperator.Runtime/RolloutOperator.Runtime.csproj src/RolloutOperator.Runtime/
COPY src/RolloutOperator.Runtime.Informers/RolloutOperator.Runtime.Informers.csproj src/RolloutOperator.Runtime.Informers/
RUN dotnet restore src/RolloutOperator/RolloutOperator.csproj

# Publish layer: the sources (.dockerignore keeps bin/, obj/, tests and tooling out of the context).
COPY src/ src/
RUN dotnet publish src/RolloutOperator -c Release --no-restore -o /app /p:UseAppHost=false

# Runtime: chiseled Ubuntu (no shell, no package manager) with the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="rollout-operator" \
      org.opencontainers.image.description="Progressive delivery (canary, blue/green, metric analysis) for Kubernetes" \
      org.opencontainers.image.source="https://github.com/rollout-operator/rollout-operator" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
# Read-only root filesystem: the chart mounts an emptyDir at /tmp, where .NET puts its diagnostics IPC socket
# (dotnet-counters/dotnet-trace keep working); the debugger and profiler hooks stay off. Workstation GC keeps
# the footprint small for a process that mostly waits on watches.
ENV TMPDIR=/tmp \
    DOTNET_EnableDiagnostics_Debugger=0 \
    DOTNET_EnableDiagnostics_Profiler=0 \
    DOTNET_gcServer=0 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
WORKDIR /app
COPY --from=build /app ./
# The chiseled image's non-root "app" user; numeric so runAsNonRoot can verify it without /etc/passwd.
USER 1654:1654
# /healthz, /readyz and /metrics (the chart's `port`).
EXPOSE 8080
ENTRYPOINT ["dotnet", "RolloutOperator.dll"]
