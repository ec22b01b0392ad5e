#!/usr/bin/env bash
# Re-makes assets/pretrained.model from the bundled training digits only
# (never the official test set). Needs the native build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build/native/digitnet train --layers 256,128 --epochs 60 --seed 1 -o assets/pretrained.model "$@"
