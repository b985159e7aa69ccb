#!/usr/bin/env bash
# Rebuilds the fixtures: two minified builds of src/checkout.js made by terser with different options
# (as two CI runs of changed tooling would), debug ids injected by sentry-cli, and one envelope per build
# captured from @sentry/node. Needs `npm ci` in e2e/node (terser, @sentry/node, @sentry/cli pinned there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
node_dir=$(cd "$here/../../../../../e2e/node" && pwd)
export PATH="$node_dir/node_modules/.bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { # name, terser options...
  local name=$1; shift
  mkdir -p "$work/$name/dist" "$work/$name/src"
  cp "$here/src/checkout.js" "$work/$name/src/checkout.js"
  (cd "$work/$name" && terser src/checkout.js "$@" \
    --source-map "includeSources,url='$name.min.js.map'" -o "dist/$name.min.js")
  sentry-cli sourcemaps inject "$work/$name/dist" >/dev/null
  rm -rf "$here/$name"; mkdir -p "$here/$name"
  cp "$work/$name/dist/"* "$here/$name/"
  (cd "$node_dir" && NODE_PATH="$node_dir/node_modules" node "$here/capture.js" "$work/$name/dist/$name.min.js" checkout@1.0.0 "$here/$name/event.envelope")
}
build checkout.3f9a1c --toplevel --mangle --compress
build checkout.8b27de --toplevel --mangle --compress passes=3 --preamble '/*! checkout build 8b27de */'
