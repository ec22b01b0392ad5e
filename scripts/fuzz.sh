#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (clang, AddressSanitizer and UBSan,
# in build-sanitize/) and runs each for the given number of seconds (default 60),
# two at a time, from its seed corpus in tests/fuzz/corpus/<name>/. What each run
# finds goes to build-sanitize/fuzz/<name>/ (its corpus, log and any crashing input).
# Usage: scripts/fuzz.sh [seconds] [name...]   (names: the fuzz_<name>.cpp files)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
names=("$@")
if ((${#names[@]} == 0)); then
  names=(model_file idx idx_gzip csv preprocess image settings)
fi
bash scripts/build-sanitize.sh "${names[@]/#/fuzz_}" >/dev/null

# One fuzzer: exits non-zero on a crash, leak, out-of-memory or timeout.
run_one() {
  local name=$1 seconds=$2 dir=build-sanitize/fuzz/$1
  rm -rf "$dir" && mkdir -p "$dir/corpus"
  "build-sanitize/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" "tests/fuzz/corpus/$name" >"$dir/log" 2>&1
}
export -f run_one

printf '%s\n' "${names[@]}" | xargs -P 2 -I{} bash -c 'run_one {} '"$seconds"' || touch build-sanitize/fuzz/{}/FAILED'

status=0
for name in "${names[@]}"; do
  dir=build-sanitize/fuzz/$name
  execs=$(grep -o 'number_of_executed_units: [0-9]*' "$dir/log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$dir/log" | tail -1 || true)
  if [[ -e $dir/FAILED ]]; then
    status=1
    echo "fuzz_$name: FAILED after $execs runs ($cov): see $dir/log"
    grep -m1 -E '^==[0-9]+==ERROR|runtime error|SUMMARY' "$dir/log" || true
  else
    echo "fuzz_$name: ok, $execs runs in ${seconds} s, $cov, corpus $(ls "$dir/corpus" | wc -l) inputs"
  fi
done
exit $status
