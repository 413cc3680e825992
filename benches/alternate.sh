#!/usr/bin/env bash
# First frame, key and memory of one or more builds of the app beside the floor, the programs
# taking turns: ROUNDS rounds of 5 runs each, so that a slow minute on the machine falls on
# all of them alike. Prints medians and the middle half of the first frames.
# Usage (from the repository root): bash benches/alternate.sh ROUNDS BINARY...
# e.g. bash benches/alternate.sh 6 /tmp/aftercare-old target/x86_64-unknown-linux-gnu/release/aftercare
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${TOOLS:-../shared/tools}
[ -d "$TOOLS" ] || TOOLS=/work/shared/tools
ROUNDS=$1
shift
OUT=${OUT:-/tmp/aftercare-alternate}
rm -rf "$OUT" && mkdir -p "$OUT"
cc -O2 -o "$OUT/floor" "$TOOLS/floor/screen.c"
export TZ=Europe/Berlin
NOW="2026-11-22 09:00"
"$1" --data-dir "$OUT/data" --now "$NOW" start --at "2026-11-20 14:00" >/dev/null
probe() {
  local out=$1 marker=$2
  shift 2
  python3 "$TOOLS/tui_probe.py" --cols 120 --rows 40 --runs 5 --idle-s 1 --presses 30 \
    --key j --key k --marker "$marker" --quit q --env TZ=Europe/Berlin --out "$out" -- "$@" \
    >/dev/null 2>>"$OUT/probe.log"
}
for round in $(seq 1 "$ROUNDS"); do
  probe "$OUT/floor-$round.json" READY "$OUT/floor"
  i=0
  for binary in "$@"; do
    i=$((i + 1))
    probe "$OUT/bin$i-$round.json" "Day 3" "$binary" --data-dir "$OUT/data" --now "$NOW"
  done
done
python3 - "$OUT" "$@" <<'PY'
import glob, json, statistics as st, sys
out, binaries = sys.argv[1], sys.argv[2:]
def runs(name):
    return [r for f in sorted(glob.glob(f"{out}/{name}-*.json")) for r in json.load(open(f))["runs"]]
floor = runs("floor")
ff = st.median(r["first_frame_ms"] for r in floor)
fk = st.median(r["key_latency_ms"] for r in floor)
print(f"floor: n={len(floor)} first frame {ff:.2f} ms, key {fk:.3f} ms, "
      f"RSS {st.median(r['peak_rss_kb'] for r in floor) / 1024:.2f} MB")
for i, binary in enumerate(binaries, 1):
    rs = runs(f"bin{i}")
    first = [r["first_frame_ms"] for r in rs]
    q = st.quantiles(first, n=4)
    key = st.median(r["key_latency_ms"] for r in rs)
    print(f"{binary}: n={len(rs)} first frame {st.median(first):.2f} ms ({q[0]:.2f}–{q[2]:.2f}), "
          f"{st.median(first) / ff:.2f}×; key {key:.3f} ms, {key / fk:.2f}×; "
          f"idle {st.median(r['idle_cpu_pct'] for r in rs):.1f} %; "
          f"RSS {st.median(r['peak_rss_kb'] for r in rs) / 1024:.2f} MB")
PY
