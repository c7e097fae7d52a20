#!/usr/bin/env bash
# Decode speed of two large recorded successes, chat.postMessage and
# conversations.history (generated/tests/data/samples/), on the same bytes in one run:
#
#   - `serde_json::Value`, what a hand-rolled client parses into;
#   - typed-slack's response types, which decode leniently and keep every unknown field;
#   - slack-web-api 0.2.1's response types, a peer generated client (which ignores the
#     fields it does not know).
#
#   bash bench/decode.sh [divan args...]    (say, a filter or --sample-count 500)
#   bash bench/decode.sh --instructions     (instructions and cache misses, by valgrind)
#
# Each is `serde_json::from_slice` on a byte slice; divan drops the decoded value
# outside the timed region. (slack-web-api's client reads each body twice, an envelope
# for `ok` and then the response: only the second read is timed here.)
#
# Times on shared machines spread widely between runs, so `--instructions` counts
# instead what one decode of each costs, under valgrind's cachegrind: instructions
# executed, and misses of the first-level instruction cache (code that does not fit
# in it runs slower than its count says). The counts are the same from run to run.
#
# The benchmark is a scratch crate in a temp folder, not a workspace member, so that
# slack-web-api (about 5 minutes of release build on 2 cores) never enters the
# workspace's lock file or CI builds. Its target folder is kept in
# /tmp/typed-slack-decode-bench, so reruns only rebuild what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
samples="$root/generated/tests/data/samples"
divan=$(sed -n 's/^divan = "\(.*\)"$/\1/p' Cargo.toml)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mkdir -p "$scratch/benches"
cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "typed-slack-decode-bench"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
typed-slack = { path = "$root/generated", default-features = false, features = ["chat", "conversations"] }
slack-web-api = "=0.2.1"
serde = "1"
serde_json = "1"
divan = "$divan"
[[bench]]
name = "decode"
harness = false
[[bin]]
name = "decode-once"
path = "once.rs"
[workspace]
TOML

# One decode of one payload by one decoder, for cachegrind: `decode-once DECODER FILE`.
cat > "$scratch/once.rs" <<'RUST'
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[2]).expect("the payload");
    let chat = args[2].ends_with("chat.postMessage.json");
    match (args[1].as_str(), chat) {
        ("value", _) => drop(std::hint::black_box(serde_json::from_slice::<serde_json::Value>(&bytes))),
        ("typed_slack", true) => drop(std::hint::black_box(serde_json::from_slice::<typed_slack::ChatPostMessageResponse>(&bytes))),
        ("typed_slack", false) => drop(std::hint::black_box(serde_json::from_slice::<typed_slack::ConversationsHistoryResponse>(&bytes))),
        ("slack_web_api", true) => drop(std::hint::black_box(serde_json::from_slice::<slack_web_api::api::ChatPostMessageResponse>(&bytes))),
        ("slack_web_api", false) => drop(std::hint::black_box(serde_json::from_slice::<slack_web_api::api::ConversationsHistoryResponse>(&bytes))),
        (other, _) => panic!("no decoder {other}"),
    }
}
RUST

# One module per payload, one benchmark per decoder; bytes/s from the payload's size.
cat > "$scratch/benches/decode.rs" <<'RUST'
use divan::{black_box, counter::BytesCount, Bencher};
use serde::de::DeserializeOwned;

fn main() {
    divan::main();
}

fn decode<T: DeserializeOwned>(bencher: Bencher, bytes: &'static [u8]) {
    // A decoder that rejects the payload is reported and not timed.
    if let Err(e) = serde_json::from_slice::<T>(bytes) {
        return eprintln!("{} rejects the payload: {e}", std::any::type_name::<T>());
    }
    bencher
        .counter(BytesCount::of_slice(bytes))
        .bench(|| serde_json::from_slice::<T>(black_box(bytes)).unwrap());
}

macro_rules! payload {
    ($module:ident, $file:literal, $typed:ty, $peer:ty) => {
        mod $module {
            const BYTES: &[u8] = include_bytes!(concat!(env!("SAMPLES"), "/", $file));

            #[divan::bench]
            fn value(b: divan::Bencher) { super::decode::<serde_json::Value>(b, BYTES) }
            #[divan::bench]
            fn typed_slack(b: divan::Bencher) { super::decode::<$typed>(b, BYTES) }
            #[divan::bench]
            fn slack_web_api(b: divan::Bencher) { super::decode::<$peer>(b, BYTES) }
        }
    };
}

payload!(chat_post_message, "chat.postMessage.json",
    typed_slack::ChatPostMessageResponse, slack_web_api::api::ChatPostMessageResponse);
payload!(conversations_history, "conversations.history.json",
    typed_slack::ConversationsHistoryResponse, slack_web_api::api::ConversationsHistoryResponse);
RUST

if [ "${1:-}" = "--instructions" ]; then
  CARGO_TARGET_DIR=/tmp/typed-slack-decode-bench/target \
    cargo build --quiet --release --manifest-path "$scratch/Cargo.toml" --bin decode-once
  once=/tmp/typed-slack-decode-bench/target/release/decode-once
  # The cost of reading the file and of starting, measured on an empty object, is
  # taken off each count.
  echo '{}' > "$scratch/empty.json"
  count() {
    valgrind --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null "$@" 2>&1 |
      awk '/I *refs:/ { gsub(",", "", $4); refs = $4 } /I1 *misses:/ { gsub(",", "", $4); miss = $4 }
           END { print refs, miss }'
  }
  read -r base_refs base_miss < <(count "$once" value "$scratch/empty.json")
  echo "| answer | decoder | instructions | I1 misses |"
  echo "| --- | --- | ---: | ---: |"
  for file in chat.postMessage conversations.history; do
    for decoder in value typed_slack slack_web_api; do
      read -r refs miss < <(count "$once" "$decoder" "$samples/$file.json")
      printf '| %s | %s | %.1f M | %.0f k |\n' "$file" "$decoder" \
        "$(echo "($refs - $base_refs) / 1000000" | bc -l)" "$(echo "($miss - $base_miss) / 1000" | bc -l)"
    done
  done
  exit 0
fi

echo "machine: $(nproc) cores; $(rustc --version); divan requirement \"$divan\""
for file in chat.postMessage conversations.history; do
  echo "$file.json: $(wc -c < "$samples/$file.json") bytes"
done
SAMPLES="$samples" CARGO_TARGET_DIR=/tmp/typed-slack-decode-bench/target \
  cargo bench --quiet --manifest-path "$scratch/Cargo.toml" --bench decode -- "$@"
