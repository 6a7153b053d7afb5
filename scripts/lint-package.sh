#!/usr/bin/env bash
# Lints the package as it would be published: packs the built dist (run `npm run build` first;
# `npm test` does) once, then runs publint and arethetypeswrong on that tarball, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/index.js && -f dist/index.cjs ]] || { echo "lint:package: dist/ is missing; run npm run build first" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tarball="$tmp/$(npm pack --ignore-scripts --silent --pack-destination "$tmp" | tail -n 1)"

# The tarball holds the build, the README, the licence and package.json, nothing else.
unexpected="$(tar -tzf "$tarball" | sed 's#^package/##' | grep -Ev '^(dist/.+\.(c?js|d\.c?ts)|README\.md|LICENSE|package\.json)$' || true)"
if [[ -n "$unexpected" ]]; then
  echo "lint:package: unexpected files in the tarball:" >&2
  echo "$unexpected" >&2
  exit 1
fi

npx --no-install publint run "$tarball" --strict
# node16 profile: Node's own resolution in CommonJS and ESM (and bundlers). `./vitest` is ESM-only
# on purpose (so is Vitest), so a CommonJS require of it resolving to ESM is expected.
npx --no-install attw "$tarball" --profile node16 --format table-flipped --exclude-entrypoints ./vitest
npx --no-install attw "$tarball" --profile esm-only --format table-flipped --entrypoints ./vitest
echo "lint:package: publint and arethetypeswrong passed on $(basename "$tarball")"
