#!/usr/bin/env bash
# All tests: set up, check the C++ formatting (.clang-format), build (a warning
# fails it), then the native unit and CLI tests (ctest), the type check of the
# page's scripts (tsc), the WebAssembly module's tests (node), the page's tests
# in Chromium, and the checked build (sanitizers,
# its ctest, each fuzzer for 30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check-format.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
npx --no-install tsc -p .
node --test --test-concurrency=1 tests/node/ tests/browser/
bash scripts/test-sanitized.sh 30
