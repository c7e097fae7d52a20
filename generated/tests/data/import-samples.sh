#!/usr/bin/env bash
# Copies Slack's recorded answers into tests/data/samples/, one file per method that the
# spec (and so the catalog) has, turned into successes and written compact.
#
# Run by hand to refresh the corpus; the tests only read what this wrote.
#
#   generated/tests/data/import-samples.sh [SAMPLES_DIR]
#
# SAMPLES_DIR defaults to ../shared/slack-samples/api beside the checkout (see its
# README.md), where CI finds it too.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
workspace="$(cd "$here/../../.." && pwd)"
source_dir="${1:-$workspace/../shared/slack-samples/api}"
spec_dir="$workspace/spec/methods"
target_dir="$here/samples"

if [[ ! -d "$source_dir" ]]; then
    echo "no samples at $source_dir" >&2
    exit 1
fi

rm -rf "$target_dir"
mkdir -p "$target_dir"

python3 - "$source_dir" "$spec_dir" "$target_dir" <<'PY'
import json
import pathlib
import sys

source_dir, spec_dir, target_dir = (pathlib.Path(arg) for arg in sys.argv[1:])
copied = skipped = 0
for sample in sorted(source_dir.glob("*.json")):
    method = sample.name[: -len(".json")]
    if not (spec_dir / f"{method}.yaml").is_file():
        skipped += 1
        continue
    body = json.loads(sample.read_text(encoding="utf-8"))
    # The README: each sample carries "ok": false and empty error fields beside the
    # success fields; as a success, ok is true and those three are gone.
    body["ok"] = True
    for key in ("error", "needed", "provided"):
        body.pop(key, None)
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    (target_dir / sample.name).write_text(text + "\n", encoding="utf-8")
    copied += 1
print(f"copied {copied} samples into {target_dir}, skipped {skipped} of methods the spec lacks")
PY
