#!/usr/bin/env bash
# Smoke test of the package as users get it: packs dist/ (run `npm run build` first; `npm test`
# does), installs the tarball into a scratch project outside the repository (offline: gradcheck
# has no dependencies), links the test runners this repository already has installed, and runs
# one Vitest and one Jest test against it, a CommonJS/ESM import of every entry point, and a tsc
# check (node16 resolution) of typed Vitest, Jest, fast-check and TF.js usage. It also proves a
# clean install: npm prints no warning about gradcheck when a user installs the tarball (such as
# npm 11's "install scripts not yet covered by allowScripts"), resolving this repository's own
# dependencies from package.json leaves package-lock.json byte for byte unchanged (so
# `npm install` on a fresh clone leaves git clean) and prints no warning (EBADENGINE, install
# scripts not covered by allowScripts…), and the build prints none either (rolldown's
# UNRESOLVED_IMPORT and PLUGIN_TIMINGS, tsdown's notices): a new warning fails this check.
# Never hangs: every step has a timeout. No network.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
[[ -f dist/index.js && -f dist/jest.cjs ]] || { echo "smoke: dist/ is missing; run npm run build first" >&2; exit 1; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/gradcheck-smoke.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
step() { echo "smoke: $*"; }
run() { timeout "${SMOKE_STEP_TIMEOUT:-180}" "$@"; }
passed=0
failed=0
check() {
  local name="$1"
  shift
  # A shell function (below) times its own commands; `timeout` can only run programs.
  local runner=run
  declare -F "$1" >/dev/null && runner=""
  if $runner "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "smoke: FAILED: $name" >&2
  fi
}

# A fresh clone's `npm install` must not rewrite package-lock.json. The cheapest faithful form:
# let npm re-resolve the tree from package.json and the lock alone (--package-lock-only reads
# no tarball; --offline keeps it off the network) in a copy, then compare byte for byte. The
# copy holds package.json, the lock, and the package.json of every file: dependency.
lock_unchanged() {
  local copy="$scratch/lock"
  mkdir -p "$copy"
  cp package.json package-lock.json "$copy/"
  node -e '
    const p = require("./package.json");
    const deps = { ...p.dependencies, ...p.devDependencies, ...p.optionalDependencies };
    for (const spec of Object.values(deps)) if (spec.startsWith("file:")) console.log(spec.slice(5));
  ' | while read -r dir; do
    mkdir -p "$copy/$dir"
    cp "$dir/package.json" "$copy/$dir/"
  done
  # Without --ignore-scripts: npm 11 lists the install scripts that allowScripts does not cover
  # only when it would run them (a lock-only install runs none either way).
  (cd "$copy" && run npm install --package-lock-only --offline --no-audit --no-fund --loglevel=warn >"$scratch/repo-install.log" 2>&1) || {
    cat "$scratch/repo-install.log" >&2
    return 1
  }
  cmp -s package.json "$copy/package.json" || { echo "smoke: npm install rewrites package.json" >&2; diff package.json "$copy/package.json" | head -n 20 >&2; return 1; }
  cmp -s package-lock.json "$copy/package-lock.json" || {
    echo "smoke: npm install rewrites package-lock.json (stale lock): run npm install and commit the lock" >&2
    diff package-lock.json "$copy/package-lock.json" | head -n 20 >&2
    return 1
  }
}
step "a fresh npm install leaves package.json and package-lock.json unchanged"
check "lockfile" lock_unchanged

# Prints the lines of log $2 that are warnings, and fails when there is one ($1 names the log).
no_warnings() {
  local what="$1" log="$2" found
  found="$(grep -inE 'warn|deprecat' "$log" || true)"
  if [[ -n "$found" ]]; then
    echo "smoke: $what printed warnings (fix them; this check fails on any):" >&2
    echo "$found" >&2
    return 1
  fi
}
step "the repository's own npm install prints no warning"
check "no npm install warning" no_warnings "npm install" "$scratch/repo-install.log"

# The build, again, into dist/ (the same files: it is deterministic), for its log.
build_quietly() {
  run node scripts/build.mjs >"$scratch/build.log" 2>&1 || {
    cat "$scratch/build.log" >&2
    return 1
  }
  no_warnings "the build" "$scratch/build.log"
}
step "the build prints no warning"
check "no build warning" build_quietly

tarball="$scratch/$(run npm pack --ignore-scripts --silent --pack-destination "$scratch" | tail -n 1)"
cp -R scripts/smoke-project/. "$scratch/project"
cd "$scratch/project"
step "installing $(basename "$tarball") into a scratch project (offline), as a user would"
# As a user installs it: scripts allowed and warnings shown (npm 11 warns about install scripts
# only when it would run them, so --ignore-scripts would hide the warning this step looks for).
run npm install --offline --no-audit --no-fund --no-package-lock --loglevel=warn "$tarball" >"$scratch/install.log" 2>&1 || {
  cat "$scratch/install.log" >&2
  echo "smoke: installing the tarball failed" >&2
  exit 1
}
no_gradcheck_warning() {
  # npm prints a warning as a block of `npm warn <code> …` lines, the package named on one of
  # them: a warning line that names gradcheck is ours to fix.
  if grep -i '^npm warn' "$scratch/install.log" | grep -q 'gradcheck'; then
    echo "smoke: npm warned about gradcheck while installing it:" >&2
    grep -i '^npm warn' "$scratch/install.log" >&2
    return 1
  fi
}
check "no npm warning about gradcheck on install" no_gradcheck_warning
# Every peer is optional: installing gradcheck brings nothing else (no Vitest for a Jest user…).
installed="$(ls -A node_modules | grep -v '^\.' | tr '\n' ' ')"
[[ "$installed" == "gradcheck " ]] || { echo "smoke: installing gradcheck also installed: $installed" >&2; exit 1; }
# The runners and type packages come from this repository's node_modules (no network in tests).
for dep in vitest jest @jest/globals expect typescript fast-check @types/node; do
  mkdir -p "node_modules/$(dirname "$dep")"
  ln -s "$repo/node_modules/$dep" "node_modules/$dep"
done
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
