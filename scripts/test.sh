#!/usr/bin/env bash
# All tests: set up, build, then the native unit and CLI tests (ctest), the
# WebAssembly module's tests (node) and the page's tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
node --test --test-concurrency=1 tests/node/ tests/browser/
