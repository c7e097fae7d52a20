#!/usr/bin/env bash
# Runs the official-SDK suites against the fake Slack.
#
#   fake/sdk-tests/run.sh BINARY
#
# Starts `BINARY --port 0`, reads the URL from its first stdout line
# ("fake Slack serving N methods at http://127.0.0.1:PORT/api/"), then runs the Python
# suite (slack_sdk) and the Node suite (@slack/web-api) against it, resetting the
# workspace to its seed between the two. Exits non-zero if either suite fails.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BINARY" >&2
  exit 2
fi
binary=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The fake is on 127.0.0.1: no proxy between the SDKs and it (slack_sdk reads these
# variables itself and ignores NO_PROXY).
unset HTTPS_PROXY https_proxy HTTP_PROXY http_proxy ALL_PROXY all_proxy

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

show_server_log() {
  echo "--- the fake's stderr (last 40 lines) ---" >&2
  tail -n 40 "$work/stderr" >&2 || true
}

# --- start the fake and read its URL -------------------------------------------------
"$binary" --port 0 >"$work/stdout" 2>"$work/stderr" &
server_pid=$!

line=
for _ in $(seq 100); do
  if [[ -s $work/stdout ]] && IFS= read -r line <"$work/stdout" && [[ -n $line ]]; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "error: $binary exited before serving" >&2
    show_server_log
    exit 1
  fi
  sleep 0.1
done
pattern='^fake Slack serving [0-9]+ methods at (http://127\.0\.0\.1:[0-9]+/api/)$'
if [[ ! $line =~ $pattern ]]; then
  echo "error: no serving line from $binary within 10 s (first line: '$line')" >&2
  show_server_log
  exit 1
fi
export SLACK_FAKE_URL=${BASH_REMATCH[1]}
control_root=${SLACK_FAKE_URL%api/}_fake
echo "$line"

reset() {
  python3 - "$control_root/reset" <<'PY'
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
request = urllib.request.Request(sys.argv[1], data=b"{}", method="POST", headers={"Content-Type": "application/json"})
opener.open(request, timeout=10).read()
PY
}

# --- the suites ------------------------------------------------------------------------
failed=()

echo "=== Python: slack_sdk ==="
if ! python3 -c 'import slack_sdk' 2>/dev/null; then
  python3 -m pip install -q -r "$here/requirements.txt"
fi
python3 -c 'import slack_sdk.version as v; print("slack_sdk", v.__version__)'
reset
python3 -m unittest discover -s "$here/python" -v || failed+=(python)

echo "=== Node: @slack/web-api ==="
if [[ ! -d $here/node/node_modules ]]; then
  (cd "$here/node" && npm ci --no-audit --no-fund)
fi
reset
node --test "$here/node/fake-slack.test.mjs" || failed+=(node)

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "SDK suites failed: ${failed[*]}" >&2
  show_server_log
  exit 1
fi
echo "SDK suites passed: python, node"
