#!/usr/bin/env bash
# What the kubelint Maven plugin adds to a build: `mvn verify` of samples/maven-project with the plugin and with
# -Dkubelint.skip, alternating, one warm-up each, median of N runs (5 by default). Nothing is installed into the
# user's local repository: the plugin comes from the private repository the plugin's integration tests fill
# (maven-plugin/target/it-repo), every other artifact from the user's local repository (~/.m2/repository, or
# KUBELINT_LOCAL_REPOSITORY), as in those tests.
#
#   bench/maven-plugin.sh            5 runs of each
#   bench/maven-plugin.sh --runs 9   more runs
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

runs=5
while (($# > 0)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "bench/maven-plugin.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
check_runs_and_time "bench/maven-plugin.sh" "$runs"

cd "$root"
it_repo="$root/maven-plugin/target/it-repo"
echo "bench: building the plugin into maven-plugin/target/it-repo" >&2
./mvnw -q -B -pl maven-plugin -am pre-integration-test -DskipTests >&2

work="$(mktemp -d "${TMPDIR:-/tmp}/kubelint-maven-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r samples/maven-project "$work/project"
rm -rf "$work/project/target"
local_repo="${KUBELINT_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
sed "s|@localRepositoryUrl@|file://$local_repo|g" maven-plugin/src/it/settings.xml >"$work/settings.xml"

# Runs one build; with "record", appends "wall_s cpu_s" to its samples.
build() {
  local name="$1" record="$2" start end extra=()
  [[ "$name" == skip ]] && extra=(-Dkubelint.skip)
  start=$(date +%s%N)
  if ! /usr/bin/time -v -o "$work/time" ./mvnw -B -q -s "$work/settings.xml" -Dmaven.repo.local="$it_repo" \
      -f "$work/project/pom.xml" "${extra[@]}" clean verify >"$work/out" 2>&1; then
    echo "bench/maven-plugin.sh: the $name build failed" >&2
    tail -n 30 "$work/out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  if [[ "$record" == record ]]; then
    awk -v wall="$(((end - start) / 1000))" -F': ' '/User time/ {u = $2} /System time/ {s = $2}
      END {printf "%.6f %.2f\n", wall / 1e6, u + s}' "$work/time" >>"$work/$name.samples"
  fi
}

echo "bench: warm-up" >&2
build plugin warm-up
build skip warm-up
loads=()
for ((r = 1; r <= runs; r++)); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "bench: round $r of $runs" >&2
  build plugin record
  build skip record
done
loads+=("$(cut -d' ' -f1 /proc/loadavg)")

median() { sort -g -k"$2","$2" "$work/$1.samples" | awk -v k="$2" '{v[NR] = $k} END {print v[int((NR + 1) / 2)]}'; }
range() { sort -g -k1,1 "$work/$1.samples" | awk 'NR == 1 {a = $1} {b = $1} END {printf "%.2f-%.2f", a, b}'; }

report="$root/target/bench-results/maven-plugin-$(date +%Y%m%d-%H%M%S).md"
mkdir -p "$(dirname "$report")"
{
  echo "## Maven plugin overhead, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- \`mvn clean verify\` of samples/maven-project, $runs runs of each after one warm-up, alternating"
  echo "- load average (1 min) before each round and at the end: ${loads[*]}"
  echo
  echo "| build | wall (s), median (range) | CPU user+sys (s) |"
  echo "| --- | --- | --- |"
  printf '| with kubelint | %.2f (%s) | %.2f |\n' "$(median plugin 1)" "$(range plugin)" "$(median plugin 2)"
  printf '| with -Dkubelint.skip | %.2f (%s) | %.2f |\n' "$(median skip 1)" "$(range skip)" "$(median skip 2)"
  echo
  added=$(awk -v a="$(median plugin 1)" -v b="$(median skip 1)" 'BEGIN {printf "%.2f", a - b}')
  ok=$(awk -v v="$added" 'BEGIN {print v <= 1 ? "yes" : "**no**"}')
  echo "| target | measured | limit | met |"
  echo "| --- | --- | --- | --- |"
  echo "| wall time the plugin adds (s) | $added | <= 1 | $ok |"
} | tee "$report"
