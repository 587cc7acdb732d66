#!/usr/bin/env bash
# HelpBot's benchmark (see docs/performance.md).
#   ./bench.sh [options]          end to end: redis-server + HelpBot (Release, real process) + the bare echo bot and the
#                                 raw ASP.NET Core + Redis floor, 64 concurrent conversations each; prints the report and
#                                 writes artifacts/bench/results.json. Options: --conversations N --warmup S --duration S
#                                 --targets helpbot,echo,floor --smoke (--help lists them).
#   ./bench.sh micro [args]       BenchmarkDotNet short runs of the hot pieces (recognizer, dialog turn, state JSON,
#                                 platform call, transcript turn encode/decode); args go to BenchmarkDotNet
#                                 (e.g. --filter '*Recognizer*').
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "==> Installing redis-server"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi

mkdir -p artifacts/bench
if [ "${1:-}" = "micro" ]; then
  shift
  echo "==> Building tools/HelpBot.Benchmark.Micro (Release)"
  dotnet build tools/HelpBot.Benchmark.Micro -c Release -nologo -v quiet
  cd artifacts/bench
  [ $# -eq 0 ] && set -- --filter '*'
  exec dotnet ../../tools/HelpBot.Benchmark.Micro/bin/Release/net10.0/HelpBot.Benchmark.Micro.dll "$@"
fi

# Builds the benchmark and, through its project references, HelpBot, the echo bot and the raw floor in Release.
echo "==> Building tools/HelpBot.Benchmark, src/HelpBot and the reference servers (Release)"
dotnet build tools/HelpBot.Benchmark -c Release -nologo -v quiet
echo "==> Running (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
exec dotnet tools/HelpBot.Benchmark/bin/Release/net10.0/HelpBot.Benchmark.dll --json artifacts/bench/results.json "$@"
