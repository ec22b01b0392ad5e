#!/usr/bin/env bash
# The main job: set up, build, and serve the page on 127.0.0.1 (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port=${PORT:-8000}
echo
echo "digitnet is served at http://127.0.0.1:$port/"
echo "or open the file directly: $(pwd)/build-web/index.html"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build-web
