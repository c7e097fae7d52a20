#!/usr/bin/env bash
# Clean build time and peak rustc memory of the generated crate (`full`, one family,
# the default set), of the same crate at an older commit, and of the Rust Slack clients
# users would pick instead: slack-morphism and slack-web-api.
#
#   bash bench/build-times.sh [BASELINE] [RUNS]
#
# BASELINE is a commit to build beside this tree in the same run (say, the commit before
# a change); RUNS (default 1) repeats every build and reports the median. Needs GNU time
# and bc; takes about 12 minutes a run on 2 cores.
#
# Each build starts from an empty target folder, without incremental compilation: the
# way cargo compiles a crate a user depends on (it compiles only workspace members
# incrementally), and the way the peers below are compiled. "crate" is the compile of
# the client crate itself, dependencies excluded, with the peak memory of its rustc
# process; "all" is the whole clean build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
baseline=${1:-}
runs=${2:-1}
wrapper="$root/bench/rustc-timed.sh"
scratch=$(mktemp -d)
cleanup() {
  if [ -n "$baseline" ]; then git -C "$root" worktree remove --force "$scratch/baseline" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# once LABEL CRATE_NAME MANIFEST [cargo args...]: one clean build, as "secs kib all".
once() {
  local crate=$2 manifest=$3
  shift 3
  local target="$scratch/target" times="$scratch/times"
  : > "$times"
  local start end
  start=$(date +%s.%N)
  CARGO_INCREMENTAL=0 RUSTC_WRAPPER="$wrapper" RUSTC_TIMES="$times" CARGO_TARGET_DIR="$target" \
    cargo build --quiet --manifest-path "$manifest" "$@"
  end=$(date +%s.%N)
  awk -v crate="$crate" -v all="$(echo "$end - $start" | bc)" '
    $1 == crate { secs = $2; kb = $3 } END { printf "%s %d %.1f\n", secs, kb, all }' "$times"
  rm -rf "$target"
}

# build LABEL CRATE_NAME METHODS MANIFEST [cargo args...]: the median of RUNS builds.
build() {
  local label=$1 crate=$2 methods=$3 manifest=$4
  shift 4
  local results="$scratch/results"
  : > "$results"
  for _ in $(seq "$runs"); do once "$label" "$crate" "$manifest" "$@" >> "$results"; done
  sort -n "$results" | awk -v label="$label" -v methods="$methods" -v runs="$runs" '
    { secs[NR] = $1; kb[NR] = $2; all[NR] = $3 }
    END {
      m = int((NR + 1) / 2)
      printf "| %s | %d | %.1f s | %.0f ms | %d MiB | %.1f s | %d |\n",
        label, methods, secs[m], secs[m] * 1000 / methods, kb[m] / 1024, all[m], runs
    }'
}

# The method count of families ($2, comma-separated, or "full") in the manifest $1.
methods_in() {
  awk -v families="$2" '
    BEGIN { n = split(families, wanted, ","); for (i = 1; i <= n; i++) want[wanted[i]] = 1 }
    /^# [0-9]+ methods?\.$/ { count = $2; next }
    /^[a-z0-9_]+ = \[\]$/ { if (families == "full" || ($1 in want)) total += count }
    END { print total }' "$1"
}

# The package name of the generated crate in the checkout $1.
package_of() {
  sed -n 's/^name = "\(.*\)"$/\1/p' "$1/generated/Cargo.toml" | head -1
}

defaults=auth,chat,conversations,reactions,users

# suite LABEL CHECKOUT: the generated crate of a checkout, `full`, `chat` and default.
suite() {
  local label=$1 checkout=$2
  local package crate manifest
  package=$(package_of "$checkout")
  crate=${package//-/_}
  manifest="$checkout/generated/Cargo.toml"
  build "$label, \`full\`" "$crate" "$(methods_in "$manifest" full)" "$manifest" \
    -p "$package" --no-default-features --features full
  build "$label, \`chat\`" "$crate" "$(methods_in "$manifest" chat)" "$manifest" \
    -p "$package" --no-default-features --features chat
  build "$label, default (a bot: $defaults, reqwest)" "$crate" "$(methods_in "$manifest" "$defaults")" "$manifest" \
    -p "$package"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(rustc --version)"
echo "generated source: $(du -sh generated/src | cut -f1), $(cat generated/src/methods/*.rs generated/src/lib.rs | wc -l) lines of Rust in $(ls generated/src/methods | wc -l) method files"
echo
echo "| build | methods | crate | per method | peak memory | all | runs |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
suite "this tree" "$root"
if [ -n "$baseline" ]; then
  git -C "$root" worktree add --quiet --detach "$scratch/baseline" "$baseline"
  suite "baseline $(git -C "$root" rev-parse --short "$baseline")" "$scratch/baseline"
fi

# peer NAME VERSION FEATURES...: a scratch binary that depends on the peer crate.
peer() {
  local name=$1 version=$2 features=$3
  mkdir -p "$scratch/$name/src"
  cat > "$scratch/$name/Cargo.toml" <<TOML
[package]
name = "$name-baseline"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
$name = { version = "=$version"$features }
[workspace]
TOML
  echo 'fn main() {}' > "$scratch/$name/src/main.rs"
}

# slack-morphism with its hyper client, as its README sets it up; it covers 83 Web API
# methods (distinct method names in its src/api), with no feature per family.
peer slack-morphism 2.31.1 ', features = ["hyper"]'
build "slack-morphism 2.31 (hyper)" slack_morphism 83 "$scratch/slack-morphism/Cargo.toml"
# slack-web-api, also generated, has all its 330 methods in one crate and no features:
# a bot gets the whole crate.
peer slack-web-api 0.2.1 ''
build "slack-web-api 0.2.1 (all, also for a bot)" slack_web_api 330 "$scratch/slack-web-api/Cargo.toml"
