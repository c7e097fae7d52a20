#!/usr/bin/env bash
# A RUSTC_WRAPPER that records, for each crate compiled, its wall time and the peak
# memory of its rustc process into $RUSTC_TIMES (one line: crate seconds kilobytes).
set -euo pipefail
rustc=$1
shift
crate=unknown
previous=
for argument in "$@"; do
  if [ "$previous" = "--crate-name" ]; then crate=$argument; fi
  previous=$argument
done
exec /usr/bin/time -a -o "${RUSTC_TIMES:?}" -f "$crate %e %M" "$rustc" "$@"
