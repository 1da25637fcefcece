#!/usr/bin/env bash
# vendor/comrak is comrak from crates.io with vendor/comrak.patch applied, and nothing else.
#
#   vendor/comrak.sh check            verify that, for the version vendor/comrak/Cargo.toml names
#   vendor/comrak.sh update VERSION   replace vendor/comrak with comrak VERSION + the patch
#   vendor/comrak.sh diff             rewrite vendor/comrak.patch from vendor/comrak's changes
#
# The pristine crate comes from crates.io through cargo itself (a throwaway project that depends
# on `comrak = "=VERSION"`, fetched into cargo's registry), so no other download tool is needed.
# Of the crate, newsprint keeps what a build reads: src/, build.rs, Cargo.toml, Cargo.lock,
# COPYING and README.md. vendor/comrak/NEWSPRINT.md says why the patch exists.
set -euo pipefail
cd "$(dirname "$0")"
KEPT=(src build.rs Cargo.toml Cargo.lock COPYING README.md)

# Prints the folder of comrak VERSION as published, fetching it if cargo has not yet.
pristine() {
  local version=$1 project
  project=$(mktemp -d)
  mkdir -p "$project/src"
  printf '[package]\nname = "fetch-comrak"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\ncomrak = { version = "=%s", default-features = false }\n' \
    "$version" >"$project/Cargo.toml"
  touch "$project/src/lib.rs"
  cargo fetch --quiet --manifest-path "$project/Cargo.toml" >&2
  cargo metadata --format-version 1 --manifest-path "$project/Cargo.toml" |
    python3 -c 'import json, os, sys
meta = json.load(sys.stdin)
print(next(os.path.dirname(p["manifest_path"]) for p in meta["packages"] if p["name"] == "comrak"))'
  rm -rf "$project"
}

# Copies the kept files of the crate in $1 to $2 and applies the patch there.
patched() {
  mkdir -p "$2"
  for kept in "${KEPT[@]}"; do cp -R "$1/$kept" "$2/"; done
  patch --quiet --directory "$2" -p1 <comrak.patch
}

version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' comrak/Cargo.toml | head -1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "${1:-}" in
  check)
    patched "$(pristine "$(version)")" "$work/comrak"
    if ! diff -r --exclude NEWSPRINT.md --exclude target "$work/comrak" comrak; then
      echo "vendor/comrak is not comrak $(version) + vendor/comrak.patch" >&2
      exit 1
    fi
    echo "vendor/comrak is comrak $(version) from crates.io + vendor/comrak.patch"
    ;;
  update)
    [ -n "${2:-}" ] || { echo "usage: $0 update VERSION" >&2; exit 2; }
    patched "$(pristine "$2")" "$work/comrak"
    cp comrak/NEWSPRINT.md "$work/comrak/"
    rm -rf comrak
    mv "$work/comrak" comrak
    echo "vendor/comrak is now comrak $2 + vendor/comrak.patch; update Cargo.toml's pin and run .ci/run"
    ;;
  diff)
    mkdir -p "$work/a"
    src=$(pristine "$(version)")
    for kept in "${KEPT[@]}"; do cp -R "$src/$kept" "$work/a/"; done
    mkdir -p "$work/b"
    for kept in "${KEPT[@]}"; do cp -R "comrak/$kept" "$work/b/"; done
    (cd "$work" && diff -ruN a b >comrak.patch || true)
    # No timestamps, so the file changes only when the change does.
    sed -E 's/^(---|\+\+\+) ([^\t]*)\t.*$/\1 \2/' "$work/comrak.patch" >comrak.patch
    echo "wrote vendor/comrak.patch"
    ;;
  *)
    echo "usage: $0 check | update VERSION | diff" >&2
    exit 2
    ;;
esac
