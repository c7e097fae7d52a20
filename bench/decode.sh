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
#
# Each is `serde_json::from_slice` on a byte slice; divan drops the decoded value
# outside the timed region. (slack-web-api's client reads each body twice, an envelope
# for `ok` and then the response: only the second read is timed here.)
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
[workspace]
TOML

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

echo "machine: $(nproc) cores; $(rustc --version); divan requirement \"$divan\""
for file in chat.postMessage conversations.history; do
  echo "$file.json: $(wc -c < "$samples/$file.json") bytes"
done
SAMPLES="$samples" CARGO_TARGET_DIR=/tmp/typed-slack-decode-bench/target \
  cargo bench --quiet --manifest-path "$scratch/Cargo.toml" --bench decode -- "$@"
