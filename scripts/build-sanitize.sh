#!/usr/bin/env bash
# The checked build in build-sanitize/: clang, AddressSanitizer and UBSan on
# everything (every report fatal), the libFuzzer harnesses of tests/fuzz too;
# a warning in digitnet's own code fails the build.
# Usage: build-sanitize.sh [targets...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIGITNET_FUZZ=ON -DDIGITNET_WERROR=ON >/dev/null
if (($#)); then
  cmake --build build-sanitize -j"$(nproc)" --target "$@"
else
  cmake --build build-sanitize -j"$(nproc)"
fi
