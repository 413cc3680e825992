#!/usr/bin/env bash
# The whole app measured as a person meets it, beside the reference and the floor, in one
# run (docs/performance.md). Usage, from anywhere in the repository:
#
#   bash benches/e2e.sh                 # print the tables
#   bash benches/e2e.sh --update-docs   # and write them into docs/performance.md
#
# It builds the release app (target/release/aftercare), the reference
# (shared/tools/ref-ratatui, into target/ref-ratatui, since shared/ may be read-only) and
# the C floor (shared/tools/floor/screen.c), then has shared/tools/tui_probe.py run them
# taking turns in a 120x40 pseudo-terminal: ROUNDS rounds of RUNS runs each, j/k pressed
# PRESSES times per run, IDLE seconds idle per run. Then the app with a generated
# 100,000-rule plan: j/k on the checklist, l/h (next and previous day), and j/k on the
# timeline. Needs python3 and a C compiler. Results (JSON, one file per probe) go to
# target/e2e/. Settings: ROUNDS=3 RUNS=3 IDLE=5 PRESSES=40 HUGE_RUNS=3 TOOLS=<shared/tools>.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=${TOOLS:-$ROOT/../shared/tools}
[ -f "$TOOLS/tui_probe.py" ] || TOOLS=/work/shared/tools
[ -f "$TOOLS/tui_probe.py" ] || { echo "e2e.sh: no tui_probe.py; set TOOLS=<shared/tools>" >&2; exit 1; }
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-3}
IDLE=${IDLE:-5}
PRESSES=${PRESSES:-40}
HUGE_RUNS=${HUGE_RUNS:-3}
OUT=$ROOT/target/e2e
UPDATE_DOCS=no
[ "${1:-}" = --update-docs ] && UPDATE_DOCS=yes

echo "building the app, the reference and the floor" >&2
cargo build --quiet --release
cargo build --quiet --release --locked --manifest-path "$TOOLS/ref-ratatui/Cargo.toml" \
  --target-dir "$ROOT/target/ref-ratatui"
rm -rf "$OUT" && mkdir -p "$OUT"
cc -O2 -o "$OUT/floor" "$TOOLS/floor/screen.c"
APP=$ROOT/target/release/aftercare
REF=$ROOT/target/ref-ratatui/release/ref-ratatui
cargo run --quiet --release --example generate_rules -- 100000 >"$OUT/rules-100k.json"

# A treatment on Friday 14:00 seen on Sunday 09:00: the checklist opens on "Day 3".
export TZ=Europe/Berlin
NOW="2026-11-22 09:00"
for plan in builtin 100k; do
  rules=()
  [ "$plan" = 100k ] && rules=(--rules "$OUT/rules-100k.json")
  "$APP" --data-dir "$OUT/data-$plan" "${rules[@]}" --now "$NOW" start --at "2026-11-20 14:00" >/dev/null
done

# probe LABEL MARKER RUNS IDLE [probe options...] -- COMMAND...
probe() {
  local label=$1 marker=$2 runs=$3 idle=$4
  shift 4
  python3 "$TOOLS/tui_probe.py" --cols 120 --rows 40 --runs "$runs" --idle-s "$idle" \
    --presses "$PRESSES" --marker "$marker" --quit q --env TZ=Europe/Berlin \
    --first-frame-timeout-s 60 --label "$label" --out "$OUT/$label.json" "$@" \
    >/dev/null 2>>"$OUT/probe.log"
}
uptime >"$OUT/load-before"
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS" >&2
  probe "floor-$round" READY "$RUNS" "$IDLE" --key j --key k -- "$OUT/floor"
  probe "reference-$round" REF-READY "$RUNS" "$IDLE" --key j --key k -- "$REF"
  probe "aftercare-$round" "Day 3" "$RUNS" "$IDLE" --key j --key k -- \
    "$APP" --data-dir "$OUT/data-builtin" --now "$NOW"
done
echo "100,000 rules" >&2
huge=("$APP" --data-dir "$OUT/data-100k" --rules "$OUT/rules-100k.json" --now "$NOW")
probe huge-list "Day 3" "$HUGE_RUNS" "$IDLE" --key j --key k -- "${huge[@]}"
probe huge-days "Day 3" "$HUGE_RUNS" 1 --key l --key h -- "${huge[@]}"
# On the timeline q goes back to the checklist; the second q quits.
probe huge-timeline "Day 3" "$HUGE_RUNS" 1 --setup-key tab --key j --key k --quit q -- "${huge[@]}"
uptime >"$OUT/load-after"

python3 - "$OUT" "$ROUNDS" "$UPDATE_DOCS" "$ROOT/docs/performance.md" <<'PY'
import glob, json, os, statistics, subprocess, sys

out, rounds, update, doc = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "yes", sys.argv[4]

def runs(pattern):
    found = []
    for path in sorted(glob.glob(f"{out}/{pattern}.json")):
        found += json.load(open(path))["runs"]
    bad = [r for r in found if r.get("error") or r.get("no_response")]
    if bad or not found:
        sys.exit(f"e2e.sh: {pattern}: failed runs, see {out}/probe.log: {bad[:1]}")
    return found

def med(rs, key):
    return statistics.median(r[key] for r in rs)

programs = {"floor": "floor (C, one screen)", "reference": "reference (plain ratatui)",
            "aftercare": "aftercare, built-in plan"}
rows = {}
for name in programs:
    rs = runs(f"{name}-*")
    rows[name] = dict(n=len(rs), first=med(rs, "first_frame_ms"), key=med(rs, "key_latency_ms"),
                      idle=max(r["idle_cpu_pct"] for r in rs), rss=med(rs, "peak_rss_kb") / 1024)

def ratio(name, key, fmt):
    value = fmt % rows[name][key]
    if name == "floor":
        return value
    vs_ref = rows[name][key] / rows["reference"][key]
    vs_floor = rows[name][key] / rows["floor"][key]
    if name == "reference":
        return f"{value} ({vs_floor:.2f}× floor)"
    return f"{value} (**{vs_ref:.2f}× ref**, {vs_floor:.2f}× floor)"

lines = ["| program | first frame | key → frame | idle CPU (most) | peak RSS |",
         "|---|---|---|---|---|"]
for name, title in programs.items():
    r = rows[name]
    rss = f"{r['rss']:.1f} MB"
    if name == "aftercare":
        rss += f" (**{r['rss'] / rows['reference']['rss']:.2f}× ref**)"
    lines.append(f"| {title} | {ratio(name, 'first', '%.1f ms')} | {ratio(name, 'key', '%.2f ms')}"
                 f" | {r['idle']:.1f} % | {rss} |")
lines += ["", "With the generated 100,000-rule plan (target: every key within 16 ms):", "",
          "| keys | first frame | key → frame: median | p90 | slowest | settled (median) | peak RSS |",
          "|---|---|---|---|---|---|---|"]
for label, what in [("huge-list", "j/k, checklist"), ("huge-days", "l/h, next/previous day"),
                    ("huge-timeline", "j/k, timeline (Tab)")]:
    rs = runs(label)
    lines.append(f"| {what} | {med(rs, 'first_frame_ms'):.0f} ms | {med(rs, 'key_latency_ms'):.2f} ms"
                 f" | {max(r['key_latency_p90_ms'] for r in rs):.2f} ms"
                 f" | {max(r['key_latency_max_ms'] for r in rs):.2f} ms"
                 f" | {med(rs, 'key_settle_ms'):.2f} ms | {med(rs, 'peak_rss_kb') / 1024:.0f} MB |")

def load(name):
    return open(f"{out}/{name}").read().split("load average:")[1].strip()

commit = subprocess.run(["git", "log", "-1", "--format=%h %cs"], capture_output=True,
                        text=True).stdout.strip()
dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                       capture_output=True, text=True).stdout.strip()
n = rows["floor"]["n"]
lines += ["", f"Commit {commit}{' (with uncommitted changes)' if dirty else ''}; {os.cpu_count()} cores; "
          f"medians of {n} runs per program ({rounds} rounds taking turns), "
          f"{json.load(open(glob.glob(f'{out}/floor-*.json')[0]))['presses']} presses a run; "
          f"load average {load('load-before')} before, {load('load-after')} after. "
          "Idle CPU is the most of any run."]
table = "\n".join(lines)
print(table)
if update:
    text = open(doc).read()
    start, end = text.index("<!-- e2e -->\n"), text.index("<!-- /e2e -->")
    text = text[:start] + "<!-- e2e -->\n" + table + "\n" + text[end:]
    open(doc, "w").write(text)
    print(f"\nwritten into {doc}", file=sys.stderr)
PY
