#!/usr/bin/env bash
# Builds the Teams app package (a zip of manifest.json, color.png and outline.png) for upload to Teams, with the
# Azure Bot's Microsoft App ID put in place of {{MICROSOFT_APP_ID}}, and validates it against the Teams schema.
# Usage: manifests/teams/build-package.sh MICROSOFT_APP_ID [output.zip]   (default output: artifacts/teams/helpbot-teams.zip)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

app_id="${1:-}"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "Usage: $0 MICROSOFT_APP_ID [output.zip]   (the Azure Bot's app id, a GUID)" >&2
  exit 2
fi
output="${2:-$root/artifacts/teams/helpbot-teams.zip}"
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac

command -v node >/dev/null 2>&1 || { echo "Node.js 20 or later is needed (node not found)." >&2; exit 1; }
if [ ! -d "$here/node_modules/@microsoft/app-manifest" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
sed "s/{{MICROSOFT_APP_ID}}/$app_id/g" "$here/manifest.json" > "$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"
node "$here/validate.js" "$staging"

mkdir -p "$(dirname "$output")"
rm -f "$output"
if command -v zip >/dev/null 2>&1; then
  (cd "$staging" && zip -q -X "$output" manifest.json color.png outline.png)
else
  (cd "$staging" && python3 -m zipfile -c "$output" manifest.json color.png outline.png)
fi
echo "$output"
