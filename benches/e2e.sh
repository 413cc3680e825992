#!/usr/bin/env bash
# End-to-end figures for README "Performance": the release binary beside the C floor, in ONE
# run, in a 120x40 pseudo-terminal, medians of 5 runs. Usage (from the repository root):
#   bash benches/e2e.sh [BINARY]        # default: the release binary, built if needed
# Needs ../shared/tools (tui_probe.py, floor/screen.c), python3 and cc. Writes JSON to
# ${OUT:-/tmp/aftercare-e2e}/ and prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${TOOLS:-../shared/tools}
[ -d "$TOOLS" ] || TOOLS=/work/shared/tools
# Where cargo puts the binary depends on the target (.cargo/config.toml): ask it.
release_binary() {
  cargo build --release --message-format=json-render-diagnostics 2>/dev/null |
    python3 -c 'import json, sys
for m in map(json.loads, sys.stdin):
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "aftercare" and m.get("executable"):
        print(m["executable"])'
}
BIN=${1:-$(release_binary)}
OUT=${OUT:-/tmp/aftercare-e2e}
RUNS=${RUNS:-5}
IDLE=${IDLE:-10}
rm -rf "$OUT" && mkdir -p "$OUT"
cc -O2 -o "$OUT/floor" "$TOOLS/floor/screen.c"
cargo run --quiet --release --example generate_rules -- 10000 >"$OUT/plan-10k.json"

export TZ=Europe/Berlin
NOW="2026-11-22 09:00"
for plan in builtin 10k; do
  rules=()
  [ "$plan" = 10k ] && rules=(--rules "$OUT/plan-10k.json")
  "$BIN" --data-dir "$OUT/data-$plan" "${rules[@]}" --now "$NOW" start --at "2026-11-20 14:00" >/dev/null
done

probe() {
  local label=$1 marker=$2
  shift 2
  python3 "$TOOLS/tui_probe.py" --cols 120 --rows 40 --runs "$RUNS" --idle-s "$IDLE" \
    --presses 40 --key j --key k --marker "$marker" --quit q --label "$label" \
    --env TZ=Europe/Berlin --out "$OUT/$label.json" -- "$@" >/dev/null 2>>"$OUT/probe.log"
}
uptime >"$OUT/uptime-before"
probe floor READY "$OUT/floor"
probe builtin "Day 3" "$BIN" --data-dir "$OUT/data-builtin" --now "$NOW"
probe rules-10k "Day 3" "$BIN" --data-dir "$OUT/data-10k" --rules "$OUT/plan-10k.json" --now "$NOW"
uptime >"$OUT/uptime-after"

python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
def med(runs, key):
    return statistics.median(r[key] for r in runs)
rows = {}
for label in ["floor", "builtin", "rules-10k"]:
    runs = json.load(open(f"{out}/{label}.json"))["runs"]
    rows[label] = dict(first=med(runs, "first_frame_ms"), key=med(runs, "key_latency_ms"),
                       idle=med(runs, "idle_cpu_pct"), rss=med(runs, "peak_rss_kb") / 1024)
f = rows["floor"]
print("| program | first frame | key → frame | idle CPU (10 s) | peak RSS |")
print("|---|---|---|---|---|")
for label, r in rows.items():
    ratio = "" if label == "floor" else " (%.2f×)"
    print(f"| {label} | {r['first']:.1f} ms{ratio % (r['first'] / f['first']) if ratio else ''}"
          f" | {r['key']:.2f} ms{ratio % (r['key'] / f['key']) if ratio else ''}"
          f" | {r['idle']:.1f} % | {r['rss']:.1f} MB |")
print("load before/after:", open(f"{out}/uptime-before").read().split("load")[1].strip(),
      "/", open(f"{out}/uptime-after").read().split("load")[1].strip())
PY
