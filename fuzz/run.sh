#!/usr/bin/env bash
# Run the pipeline fuzzer for a fixed number of iterations, starting from the seed corpus.
#
#   fuzz/run.sh [RUNS] [libFuzzer flags ...]     (RUNS defaults to 20000)
#
# Exit status 0: no crash. A crash (an exception other than KoreabriefError, a
# broken invariant, a timeout) stops the run with a non-zero status and leaves
# the input in fuzz/crashes/ (reproduce: python fuzz/fuzz_pipeline.py FILE).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-20000}
[ $# -gt 0 ] && shift
PY=${PYTHON:-python}
[ -x .venv/bin/python ] && [ -z "${PYTHON:-}" ] && PY=.venv/bin/python

CORPUS=$(mktemp -d)
trap 'rm -rf "$CORPUS"' EXIT
mkdir -p fuzz/crashes
# Seed inputs: every built-in seed article, whole and line by line.
"$PY" - "$CORPUS" <<'PYEOF'
import hashlib, pathlib, sys
import koreabrief as kb
out = pathlib.Path(sys.argv[1])
for a in kb.seeds():
    pieces = [a.raw, *a.raw.splitlines()]
    for piece in pieces:
        data = piece.encode("utf-8")[:8192]
        if data.strip():
            # A leading byte picks the fuzz target's mode; use every mode.
            for mode in (b"\x00", b"\x01", b"\x02"):
                blob = mode + mode + data
                (out / hashlib.sha1(blob).hexdigest()).write_bytes(blob)
PYEOF

exec "$PY" fuzz/fuzz_pipeline.py \
    -atheris_runs="$RUNS" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/crashes/ -print_final_stats=1 "$@" "$CORPUS"
