#!/usr/bin/env bash
# Replays conversation stories with their full transcripts (every run, passed or not).
# Usage: tools/story.sh <area/id or part of it> [runs]
#   tools/story.sh payment/charged-but-unpaid-zh     one story, 3 runs (each with other variants)
#   tools/story.sh payment/ 1                        every payment story, one run each
# HELPBOT_STORY_SEED=N picks other variants; HELPBOT_STORIES=DIR reads stories from another folder;
# HELPBOT_STORY_NO_BUILD=1 skips the build (stories are read from the source tree, so new ones need none).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n "2,9p" "$0"; exit 2; }
[ -n "${HELPBOT_STORY_NO_BUILD:-}" ] || dotnet build tests/HelpBot.Stories.Tests -c Release -nologo -v quiet >/dev/null
HELPBOT_STORY_TRACE=1 HELPBOT_STORY_RUNS="${2:-3}" HELPBOT_STORY_REPORT="${HELPBOT_STORY_REPORT:-artifacts/story-replay.txt}" \
  dotnet test tests/HelpBot.Stories.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~StoryTests&DisplayName~$1" --logger "console;verbosity=detailed" \
  | grep -v -E '^\[xUnit.net|^Test run for|^A total of|^$'
