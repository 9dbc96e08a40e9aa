#!/usr/bin/env bash
# Runs the JMH benchmarks of the hot paths (benchmarks module). Arguments go to JMH: a benchmark regex and
# options, e.g.  bench/jmh.sh YamlRead  or  bench/jmh.sh RulePass -p rules=all  or  bench/jmh.sh -l
# Defaults: one fork, 3 warm-up and 5 measured iterations of 1 s (enough on a quiet 2-core machine;
# add -f 3 for publishable figures).
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build_bench_jar
mapfile -t templates < <(template_args)
# the in-memory streams use the same corpus as the folders (BenchData reads KUBELINT_BENCH_CORPUS)
for ((i = 0; i < ${#templates[@]}; i++)); do
  [[ "${templates[$i]}" == --templates ]] && continue
  case "${templates[$i]}" in */samples/good | */samples/bad | */cli/src/test/resources/corpus) ;; *) export KUBELINT_BENCH_CORPUS="${templates[$i]}" ;; esac
done
# defaults for the options not given
defaults=()
for pair in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s"; do
  option="${pair%% *}"
  given=0
  for arg in "$@"; do [[ "$arg" == "$option" ]] && given=1; done
  ((given)) || defaults+=("$option" "${pair#* }")
done
cd "$root"
exec java -jar "$bench_jar" ${defaults[@]+"${defaults[@]}"} -jvmArgsAppend "-Xss16m" "$@"
