#!/usr/bin/env bash
# `make bench-scale`: the release CLI on large sets, under /usr/bin/time -v.
#
#   benches/scale.sh [SIZES...]        (default: news 1000 10000 100000)
#
# `news`: 1,700 news-sized articles (the article-extraction benchmark's 181 gold
# texts, then PAN pieces and articles derived from them, tools/scale-corpus.mjs),
# compared with the candidate index and with every pair aligned: wall time, peak
# memory, and how often each article's top-1/top-3 neighbours agree.
# A number N: N articles made from the PAN source documents with known related
# pairs: wall time, peak memory, pairs, and recall of the known pairs.
# Sets and reports go to target/scale/ (never committed). Needs PARALLAX_SHARED
# (default ../shared) and node.
set -euo pipefail
cd "$(dirname "$0")/.."
export PARALLAX_SHARED="${PARALLAX_SHARED:-$(cd .. && pwd)/shared}"
out=target/scale
mkdir -p "$out"
bin=./target/release/parallax
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(news 1000 10000 100000)

# Runs the CLI on $1 into $2 with the remaining flags; prints "seconds peak_MB".
measure() {
  local input=$1 report=$2
  shift 2
  PARALLAX_TIMINGS=1 /usr/bin/time -v -o "$report.time" \
    "$bin" compare --jsonl "$@" "$input" > "$report" 2> "$report.stages"
  local wall peak
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$report.time" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$report.time")
  echo "$wall $peak"
}

echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %10s %10s %12s  %s\n' set articles "wall s" "peak MB" "input MB" "pairs / recall"
for size in "${sizes[@]}"; do
  if [ "$size" = news ]; then
    set_file=$out/news1700.jsonl
    [ -s "$set_file" ] || node tools/scale-corpus.mjs 1700 "$set_file" "$out/news1700.tsv" \
      --news "$PARALLAX_SHARED/data/article-extraction" 2>/dev/null
    read -r wall peak < <(measure "$set_file" "$out/news1700.report.jsonl")
    mb=$(du -m "$set_file" | cut -f1)
    printf '%-8s %9s %10s %10s %12s\n' news 1700 "$wall" "$peak" "$mb"
    read -r wall_all peak_all < <(measure "$set_file" "$out/news1700.all.jsonl" --all-pairs-up-to 1000000)
    printf '%-8s %9s %10s %10s %12s  (every pair aligned)\n' news-all 1700 "$wall_all" "$peak_all" "$mb"
    cat "$out/news1700.report.jsonl.stages"
    node tools/scale-agreement.mjs "$out/news1700.report.jsonl" --truth "$out/news1700.tsv" \
      --all-pairs "$out/news1700.all.jsonl"
    continue
  fi
  set_file=$out/pan$size.jsonl
  [ -s "$set_file" ] || node tools/scale-corpus.mjs "$size" "$set_file" "$out/pan$size.tsv" 2>/dev/null
  read -r wall peak < <(measure "$set_file" "$out/pan$size.report.jsonl")
  mb=$(du -m "$set_file" | cut -f1)
  recall=$(node tools/scale-agreement.mjs "$out/pan$size.report.jsonl" --truth "$out/pan$size.tsv" | tr '\n' ' ')
  printf '%-8s %9s %10s %10s %12s  %s\n' pan "$size" "$wall" "$peak" "$mb" "$recall"
  cat "$out/pan$size.report.jsonl.stages"
done
