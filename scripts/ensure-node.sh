# ensure_node MAJOR: makes `node` on PATH version MAJOR or newer. When it is
# missing or older (Debian 12's own nodejs is 18), npm installs the `node`
# package of that major version globally: the official Node.js binaries,
# packaged for npm, put ahead of the system's on PATH. Sourced by setup.sh.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local want=$1
  (($(node_major) >= want)) && return 0
  echo "Node.js $(node --version 2>/dev/null || echo '(none)') is older than $want: installing node@$want with npm"
  npm install -g --no-audit --no-fund --loglevel=error "node@$want"
  hash -r
  if (($(node_major) < want)); then
    echo "digitnet needs Node.js $want or newer, and installing it with npm did not give one" \
      "(node on PATH: $(command -v node || echo none), $(node --version 2>/dev/null || echo no version))" >&2
    return 1
  fi
}
