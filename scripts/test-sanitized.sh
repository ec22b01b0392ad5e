#!/usr/bin/env bash
# The checked build: everything compiled by clang with AddressSanitizer and UBSan
# (build-sanitize/, every report fatal), its unit and CLI tests (ctest), then
# each fuzzer of tests/fuzz for the given seconds (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bash scripts/build-sanitize.sh
ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"
bash scripts/fuzz.sh "$seconds"
