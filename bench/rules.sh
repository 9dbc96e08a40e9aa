#!/usr/bin/env bash
# The cost of each rule per object (dev.kubelint.bench.RuleCost): CPU time and allocation of the measuring
# thread, with the launcher's compiler setting (C1 only). Arguments go to RuleCost, e.g.
#   bench/rules.sh                      every rule alone, then all together, over the 10k folder
#   bench/rules.sh --rules all          all rules together, with each rule's share of the pass
#   bench/rules.sh --rules label-valid,service-selector-no-match
#   bench/rules.sh --rules all --warmup 0 --rounds 1     the cold first pass, as in a scan
# The folder defaults to the 10k benchmark folder (built by bench/generate.sh when missing).
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
build_bench_jar
folder=""
for arg in "$@"; do
  [[ -d "$arg" ]] && folder="$arg"
done
if [[ -z "$folder" ]]; then
  "$root/bench/generate.sh" 10k >&2
  set -- "$@" "$data/10k"
fi
cd "$root"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m -cp "$bench_jar" dev.kubelint.bench.RuleCost "$@"
