#!/usr/bin/env bash
# Makes the version-2 seeds of corpus/model_file/: small models of every layer
# kind (dense, conv with valid and same padding, max-pool, dropout), with and
# without biases, each trained one step so that its weights are not all zero.
# Usage: tests/fuzz/make_model_seeds.sh [the digitnet CLI, default build/native/digitnet]
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/native/digitnet}
data=assets/heldout-images-idx3-ubyte.gz
out=tests/fuzz/corpus/model_file
seed() {  # name, then train options
  local name=$1
  shift
  "$cli" train --train-data "$data" --limit 32 --steps 1 --batch 8 --seed 1 -q -o "$out/$name.model" "$@" >/dev/null
}
seed v2-conv-pool-dropout --layers c2k5,p4,d0.5,4
seed v2-conv-same-no-bias --layers c2k3s,p7,2 --activation tanh --no-bias
seed v2-pool-dense --layers p7,3 --output sigmoid --loss squared-error
