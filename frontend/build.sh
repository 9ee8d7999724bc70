#!/usr/bin/env bash
# Builds the web app's browser bundle into src/quaestio/web/static/dist.
# Idempotent and fast when nothing changed: `npm ci` runs only when the lock file is
# newer than node_modules, the build only when a source is newer than the bundle.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
out="../src/quaestio/web/static/dist"
stamp="node_modules/.quaestio-ci-stamp"
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" || package.json -nt "$stamp" ]]; then
  echo "frontend: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
if [[ -f "$out/BUILT" ]] && [[ -z "$(find src vite.config.ts tsconfig.json copy-vendor.mjs package-lock.json -newer "$out/BUILT" -print -quit)" ]]; then
  echo "frontend: bundle up to date"
  exit 0
fi
echo "frontend: npm run build"
npm run build --silent
