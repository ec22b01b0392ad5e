#!/usr/bin/env bash
# Re-makes assets/pretrained-cnn.model from the 9,000 bundled training digits
# only (the 1,000 held-out digits and the official test set stay unseen).
# Needs the native build (scripts/build.sh). Usage: make_pretrained_cnn.sh [output file]. Every setting is spelled out, so
# that a change of digitnet's defaults does not change this model.
set -euo pipefail
cd "$(dirname "$0")/.."
build/native/digitnet train --layers c32k3s,p2,c64k3s,p2,c128k3s,p2,128,d0.4 --activation relu --init he \
  --optimizer adam --lr 0.002 --batch 32 --epochs 60 --seed 1 --augment --warp 2 --cosine \
  -o "${1:-assets/pretrained-cnn.model}"
