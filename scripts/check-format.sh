#!/usr/bin/env bash
# Checks that the C++ sources follow .clang-format (clang-format 14, Debian's
# clang-format package). Lists the files that differ and fails if there are any.
# Reformat them with: git ls-files -z 'native/*.cpp' 'native/*.hpp' 'wasm/*.cpp' 'wasm/*.hpp' \
#   'tests/*.cpp' 'tests/*.hpp' | xargs -0 clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -d '' files < <(git ls-files -z 'native/*.cpp' 'native/*.hpp' 'wasm/*.cpp' 'wasm/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
differ=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || differ+=("$f")
done
if ((${#differ[@]})); then
  echo "these files do not follow .clang-format (clang-format -i FILE reformats one):"
  printf '  %s\n' "${differ[@]}"
  exit 1
fi
echo "all ${#files[@]} C++ files follow .clang-format"
