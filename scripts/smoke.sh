#!/usr/bin/env bash
# Smoke test of the package as users get it: packs dist/ (run `npm run build` first; `npm test`
# does), installs the tarball into a scratch project outside the repository (offline: gradcheck
# has no dependencies), links the test runners this repository already has installed, and runs
# one Vitest and one Jest test against it, a CommonJS/ESM import of every entry point, and a tsc
# check (node16 resolution) of typed Vitest, Jest, fast-check and TF.js usage.
# Never hangs: every step has a timeout. No network.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
[[ -f dist/index.js && -f dist/jest.cjs ]] || { echo "smoke: dist/ is missing; run npm run build first" >&2; exit 1; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/gradcheck-smoke.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
step() { echo "smoke: $*"; }
run() { timeout "${SMOKE_STEP_TIMEOUT:-180}" "$@"; }

tarball="$scratch/$(run npm pack --ignore-scripts --silent --pack-destination "$scratch" | tail -n 1)"
cp -R scripts/smoke-project/. "$scratch/project"
cd "$scratch/project"
step "installing $(basename "$tarball") into a scratch project (offline)"
run npm install --offline --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error "$tarball" >/dev/null
# Every peer is optional: installing gradcheck brings nothing else (no Vitest for a Jest user…).
installed="$(ls -A node_modules | grep -v '^\.' | tr '\n' ' ')"
[[ "$installed" == "gradcheck " ]] || { echo "smoke: installing gradcheck also installed: $installed" >&2; exit 1; }
# The runners and type packages come from this repository's node_modules (no network in tests).
for dep in vitest jest @jest/globals expect typescript fast-check @types/node; do
  mkdir -p "node_modules/$(dirname "$dep")"
  ln -s "$repo/node_modules/$dep" "node_modules/$dep"
done
passed=0
failed=0
check() {
  local name="$1"
  shift
  if run "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "smoke: FAILED: $name" >&2
  fi
}

step "every entry point loads from CommonJS and ESM"
check "require/import" node entries.mjs
step "vitest run"
check "vitest" node node_modules/vitest/vitest.mjs run --config vitest.config.mjs
step "jest"
check "jest" node node_modules/jest/bin/jest.js --config jest.config.cjs --ci
step "tsc (node16): types of every entry point, for Vitest and Jest users"
check "tsc" node node_modules/typescript/bin/tsc -p tsconfig.json
echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
