#!/usr/bin/env bash
# scripts/ensure-node.sh with stand-ins for node and npm: an old or missing
# node makes it install node@20 with npm; a new enough one is left alone; an
# install that does not help is an error that says so.
set -uo pipefail
source "$(dirname "$0")/../../scripts/ensure-node.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
# The only programs the checks see besides the stand-ins (not the machine's node).
mkdir -p "$work/tools"
for tool in sh mkdir chmod cat; do ln -s "$(command -v $tool)" "$work/tools/$tool"; done

# A `node` stand-in in dir that reports version $2 (as `node -p` and `node --version` would).
fake_node() {
  mkdir -p "$1"
  printf '#!/bin/sh\ncase "$1" in -p) echo %s ;; *) echo v%s ;; esac\n' "${2%%.*}" "$2" >"$1/node"
  chmod +x "$1/node"
}
# An `npm` stand-in that logs its arguments and "installs" a node of version $1 (none if empty).
fake_npm() {
  mkdir -p "$work/bin"
  printf '#!/bin/sh\necho "$@" >>"%s/npm.log"\n%s\n' "$work" \
    "${1:+mkdir -p $work/installed && printf '#!/bin/sh\\ncase \"\$1\" in -p) echo ${1%%.*} ;; *) echo v$1 ;; esac\\n' >$work/installed/node && chmod +x $work/installed/node}" \
    >"$work/bin/npm"
  chmod +x "$work/bin/npm"
}
check() {  # description, expected exit status, expected npm log ("" = npm not run), expected words
  local what=$1 want_status=$2 want_log=$3 want_words=${4:-} status log
  (PATH="$work/installed:$work/old:$work/bin:$work/tools"; ensure_node 20) >"$work/out" 2>&1
  status=$?
  log=$(cat "$work/npm.log" 2>/dev/null)
  if [[ $status != "$want_status" || $log != "$want_log" ]] || { [[ -n $want_words ]] && ! grep -qF -- "$want_words" "$work/out"; }; then
    echo "FAILED: $what: exit $status (wanted $want_status), npm ran '$log' (wanted '$want_log')"
    sed 's/^/  | /' "$work/out"
    failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
  rm -rf "$work/installed" "$work/old" "$work/npm.log"
}

fake_npm 20.19.0
fake_node "$work/old" 18.19.0
check "node 18 gets node@20 from npm" 0 "install -g --no-audit --no-fund --loglevel=error node@20" \
  "Node.js v18.19.0 is older than 20"
check "no node at all gets node@20 from npm" 0 "install -g --no-audit --no-fund --loglevel=error node@20"
fake_node "$work/old" 20.1.0
check "node 20 is left alone" 0 ""
fake_node "$work/old" 22.3.0
check "node 22 is left alone" 0 ""
fake_npm ""
fake_node "$work/old" 18.19.0
check "an install that gives no newer node is an error" 1 "install -g --no-audit --no-fund --loglevel=error node@20" \
  "digitnet needs Node.js 20 or newer"
exit $((failures > 0))
