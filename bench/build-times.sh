#!/usr/bin/env bash
# Clean build time and peak rustc memory of the generated crate (`full`, one family,
# the default set) and of slack-morphism, the client most Rust users pick instead.
#
#   bash bench/build-times.sh        (about 10 minutes on 2 cores; needs GNU time)
#
# Each configuration builds from an empty target folder. "crate" is the compile of the
# client crate itself, dependencies excluded; "all" is the whole clean build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
wrapper="$root/bench/rustc-timed.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# build LABEL CRATE_NAME MANIFEST [cargo args...]
build() {
  local label=$1 crate=$2 manifest=$3
  shift 3
  local target="$scratch/target-$label" times="$scratch/times-$label"
  : > "$times"
  local start end
  start=$(date +%s.%N)
  RUSTC_WRAPPER="$wrapper" RUSTC_TIMES="$times" CARGO_TARGET_DIR="$target" \
    cargo build --quiet --manifest-path "$manifest" "$@"
  end=$(date +%s.%N)
  awk -v label="$label" -v crate="$crate" -v all="$(echo "$end - $start" | bc)" '
    $1 == crate { secs = $2; kb = $3 }
    END { printf "%-34s crate %6.1f s  peak %5d MiB   all %6.1f s\n", label, secs, kb / 1024, all }
  ' "$times"
  rm -rf "$target"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version)"
echo "generated source: $(du -sh generated/src | cut -f1) in $(ls generated/src/methods | wc -l) method files, $(cat generated/src/methods/*.rs | wc -l) lines"
build "typed-slack full (323 methods)" typed_slack generated/Cargo.toml -p typed-slack --no-default-features --features full
build "typed-slack chat (13 methods)" typed_slack generated/Cargo.toml -p typed-slack --no-default-features --features chat
build "typed-slack default (61 methods)" typed_slack generated/Cargo.toml -p typed-slack

# slack-morphism with its hyper client, as its README sets it up.
mkdir -p "$scratch/morphism/src"
cat > "$scratch/morphism/Cargo.toml" <<'TOML'
[package]
name = "morphism-baseline"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
slack-morphism = { version = "2", features = ["hyper"] }
[workspace]
TOML
echo 'fn main() {}' > "$scratch/morphism/src/main.rs"
build "slack-morphism 2 (hyper)" slack_morphism "$scratch/morphism/Cargo.toml"
source=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -maxdepth 1 -mindepth 1 -type d -exec find {} -maxdepth 1 -name 'slack-morphism-2*' \; | sort | tail -1)
echo "slack-morphism Web API methods: $(grep -rhoE '"[a-z]+\.[a-zA-Z]+(\.[a-zA-Z]+)*"' "$source/src/api" | sort -u | wc -l) (distinct method names in $source/src/api)"
