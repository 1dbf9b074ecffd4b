#!/usr/bin/env bash
# gen_corpus_test — scripts/gen-corpus is deterministic, honours --size, and writes
# articles the extractor finds events in, in both Korean and English.
#
#   bash tests/scripts/gen_corpus_test.sh        (TALENTWAR_BIN defaults to build/talentwar)
set -euo pipefail

here="$(pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${TALENTWAR_BIN:-$root/build/talentwar}"
case "$bin" in /*) ;; *) bin="$here/$bin" ;; esac
gen="$root/scripts/gen-corpus"
size=2000000  # --size 2MB

fail() { echo "FAIL: $*" >&2; exit 1; }

[ -x "$bin" ] || fail "talentwar binary not found at $bin (build it, or set TALENTWAR_BIN)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gen_corpus_test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

"$gen" --out "$tmp/a" --size 2MB --seed 7
"$gen" --out "$tmp/b" --size 2MB --seed 7
"$gen" --out "$tmp/c" --size 2MB --seed 8

# Same seed and size: byte-identical trees.
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "two runs with --seed 7 differ"
# Another seed: a different corpus.
if diff -r "$tmp/a" "$tmp/c" >/dev/null; then fail "--seed 7 and --seed 8 wrote the same files"; fi

# Sharded: DIR/NNN/NNNNNN.{html,txt}, at most 1000 files a folder, nothing else.
stray="$(find "$tmp/a" -type f | grep -Ev '/[0-9]{3}/[0-9]{6}\.(html|txt)$' || true)"
[ -z "$stray" ] || fail "unexpected files: $stray"
for d in "$tmp/a"/*/; do
  n="$(find "$d" -type f | wc -l)"
  [ "$n" -le 1000 ] || fail "$d holds $n files"
done
html="$(find "$tmp/a" -name '*.html' | wc -l)"
txt="$(find "$tmp/a" -name '*.txt' | wc -l)"
[ "$html" -gt 0 ] && [ "$txt" -gt 0 ] || fail "expected both .html and .txt articles (got $html html, $txt txt)"

# Size: at least --size, at most 5% above it.
total="$(find "$tmp/a" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
[ "$total" -ge "$size" ] || fail "wrote $total bytes, less than $size"
[ "$total" -le $((size * 105 / 100)) ] || fail "wrote $total bytes, more than 5% above $size"

# The extractor finds events: at least one per three articles, in Korean and English articles.
"$bin" extract "$tmp/a" >"$tmp/events.jsonl"
read -r articles events ko en < <(python3 -c '
import json, sys
articles = events = ko = en = 0
for line in open(sys.argv[1], encoding="utf-8"):
    j = json.loads(line)
    articles += 1
    events += len(j.get("events", []))
    ko += j.get("lang") == "ko"
    en += j.get("lang") == "en"
print(articles, events, ko, en)
' "$tmp/events.jsonl")
files="$(find "$tmp/a" -type f | wc -l)"
[ "$articles" -eq "$files" ] || fail "extract read $articles articles of $files files"
[ $((events * 3)) -ge "$articles" ] || fail "only $events events in $articles articles"
[ "$ko" -gt 0 ] || fail "no Korean articles"
[ "$en" -gt 0 ] || fail "no English articles"

echo "gen_corpus_test: ok ($files files, $total bytes, $events events, $ko ko, $en en)"
