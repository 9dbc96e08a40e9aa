#!/usr/bin/env bash
# Builds the benchmark folders (target/bench-data/10k and 100k, or under KUBELINT_BENCH_DATA) with the
# deterministic generator of the benchmarks module; folders that are up to date are left alone.
#   bench/generate.sh            both folders
#   bench/generate.sh 10k        only the 10,000-document folder
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build_bench_jar
mapfile -t templates < <(template_args)
if (($# == 0)); then
  set -- 10k 100k
fi
for set in "$@"; do
  case "$set" in
    10k) documents=10000; files=1000 ;;
    100k) documents=100000; files=10000 ;;
    *) echo "bench/generate.sh: unknown set $set (10k or 100k)" >&2; exit 2 ;;
  esac
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$bench_jar" dev.kubelint.bench.CorpusGenerator \
    --out "$data/$set" --documents "$documents" --files "$files" "${templates[@]}"
done
