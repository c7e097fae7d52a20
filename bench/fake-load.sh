#!/usr/bin/env bash
# Throughput and memory of the fake Slack's command (release build) under load from
# wrk, a load tool in a second process over loopback:
#
#   bash bench/fake-load.sh [seconds per run, default 10]
#   FAKE="path/to/command [args]" bash bench/fake-load.sh   (another build, as a baseline)
#
# Three runs of 64 connections on 2 threads, one method each, in this order against one
# server: `auth.test` (stateless: token, tier and body checked, answer built), then
# `conversations.info` (a read of the workspace), then `chat.postMessage` (a write: each
# call adds a message the workspace keeps). Then the server's resident memory now and
# at its peak (VmRSS, VmHWM), and how many calls it has recorded (its log keeps the
# latest 1,000). Needs wrk (Debian: apt install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt install wrk)" >&2; exit 1; }

if [[ -z ${FAKE:-} ]]; then
  cargo build --quiet --release -p typed-slack-fake-server
  FAKE=./target/release/typed-slack-fake
fi
work=$(mktemp -d)
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck disable=SC2086 # FAKE may hold arguments.
$FAKE --port 0 >"$work/stdout" 2>/dev/null &
server=$!
for _ in $(seq 100); do [[ -s $work/stdout ]] && break; sleep 0.1; done
url=$(head -n1 "$work/stdout" | sed -n 's/.* at \(http:.*\)$/\1/p')
[[ -n $url ]] || { echo "error: the fake did not start" >&2; exit 1; }
root=${url%api/}

memory() { awk '/^(VmRSS|VmHWM):/ {printf "%s %.1f MiB  ", $1, $2/1024}' "/proc/$server/status"; echo; }
echo "server started: $(memory)"

run() {
  local method=$1 body=$2
  cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Bearer xoxb-0000000000-fake-slack-bot-token"
LUA
  echo "=== $method ($body)"
  wrk -t2 -c64 -d"${seconds}s" --latency -s "$work/post.lua" "${url}${method}" | grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|Socket errors"
  echo "after: $(memory)"
}

run auth.test ""
run conversations.info "channel=C0000000001"
run chat.postMessage "channel=C0000000002&text=hello"

if recorded=$(python3 -c "import json,urllib.request as u; print(json.load(u.build_opener(u.ProxyHandler({})).open('${root}_fake/requests?since=999999999'))['next'])" 2>/dev/null); then
  echo "calls recorded since start: $recorded"
fi
