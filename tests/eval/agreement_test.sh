#!/usr/bin/env bash
# talentwar eval and ../shared/tools/score.py must agree on every gold file in ../shared/gold:
# the same gold, predicted and matched counts per type and over all events.
# Usage: agreement_test.sh TALENTWAR SHARED_DIR   (exit 77 = skipped: no ../shared)
set -euo pipefail
tw=$1
shared=$2
if [ ! -d "$shared/gold" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "skipped: $shared has no gold files or scorer"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$tw" extract "$shared/corpus" > "$tmp/pred.jsonl"
checked=0
for gold in "$shared"/gold/*.jsonl; do
  "$tw" eval "$gold" "$shared/corpus" --json > "$tmp/talentwar.json"
  # score.py prints its JSON and then a closing "F1 …" line.
  python3 "$shared/tools/score.py" "$gold" "$tmp/pred.jsonl" --json | sed '$d' > "$tmp/score_py.json"
  python3 - "$tmp/talentwar.json" "$tmp/score_py.json" "$gold" <<'PY'
import json, sys
ours, theirs, gold = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3])
types = sorted(set(theirs) | (set(ours) - {"by_language", "misses"}))
bad = []
for t in types:
    for k in ("gold", "pred", "matched"):
        a, b = ours.get(t, {}).get(k, 0), theirs.get(t, {}).get(k, 0)
        if a != b:
            bad.append(f"{t}.{k}: talentwar {a}, score.py {b}")
    if abs(ours.get(t, {}).get("f1", 0) - theirs.get(t, {}).get("f1", 0)) > 1e-9:
        bad.append(f"{t}.f1 differs")
if bad:
    sys.exit(f"{gold}: " + "; ".join(bad))
print(f"{gold}: agree (F1 {theirs['all']['f1']:.3f} over {theirs['all']['gold']} gold events)")
PY
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ]
echo "$checked passed, 0 failed"
