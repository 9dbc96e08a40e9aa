#!/usr/bin/env bash
# Whole-process benchmark of the packaged command line (cli/target/kubelint.jar), run exactly as the kubelint
# launcher runs it (same JVM flags, same class data sharing archive), against the targets of the performance
# issue; see docs/performance.md. Prints a markdown report and keeps a copy in target/bench-results/.
#
#   bench/run.sh                 one warm-up and 5 measured runs of every case, the 100k folder included
#   bench/run.sh --runs 7        more runs
#   bench/run.sh --no-100k       skip the 100,000-document folder (a few minutes less)
#
# The cases run interleaved (round after round), so that a machine whose load changes during the run slows
# every case alike and the ratios hold. Wall time comes from the clock around each process; CPU (user + system)
# and peak RSS come from GNU time (/usr/bin/time -v).
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

runs=5
with_100k=1
while (($# > 0)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-100k) with_100k=0; shift ;;
    -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
check_runs_and_time "bench/run.sh" "$runs"

cd "$root"
# the launcher builds the jar when the sources are newer and records the class data sharing archive
./kubelint --version >/dev/null
if ((with_100k)); then bench/generate.sh 10k 100k >&2; else bench/generate.sh 10k >&2; fi

mapfile -t kubelint_cmd < <(KUBELINT_PRINT_COMMAND=1 ./kubelint)
# the floor: the same JVM, flags and archive, with the read-only main class of the same jar
floor_cmd=()
for ((i = 0; i < ${#kubelint_cmd[@]}; i++)); do
  if [[ "${kubelint_cmd[$i]}" == -jar ]]; then
    floor_cmd+=(-cp "${kubelint_cmd[$((i + 1))]}" dev.kubelint.cli.ReadOnlyScan)
    i=$((i + 1))
  else
    floor_cmd+=("${kubelint_cmd[$i]}")
  fi
done

pod="samples/good/pod.yaml"
d10k="$data/10k"
d100k="$data/100k"
cases=(java-version pod pod-launcher floor-10k 10k 10k-jobs1 floor-10k-jobs1)
if ((with_100k)); then cases+=(floor-100k 100k); fi

# Sets cmd (the command line), what (its description) and expect (its exit code) for a case.
describe_case() {
  case "$1" in
    java-version) cmd=(java -version); what='`java -version`'; expect=0 ;;
    pod) cmd=("${kubelint_cmd[@]}" "$pod"); what="one small Pod file"; expect=0 ;;
    pod-launcher) cmd=(./kubelint "$pod"); what="one small Pod file, through ./kubelint"; expect=0 ;;
    floor-10k) cmd=("${floor_cmd[@]}" "$d10k"); what="10k folder, read and parse only (floor)"; expect=0 ;;
    10k) cmd=("${kubelint_cmd[@]}" "$d10k"); what="10k folder"; expect=1 ;;
    10k-jobs1) cmd=("${kubelint_cmd[@]}" --jobs 1 "$d10k"); what="10k folder, --jobs 1"; expect=1 ;;
    floor-10k-jobs1) cmd=("${floor_cmd[@]}" --jobs 1 "$d10k"); what="10k folder, read and parse only, --jobs 1"; expect=0 ;;
    floor-100k) cmd=("${floor_cmd[@]}" "$d100k"); what="100k folder, read and parse only (floor)"; expect=0 ;;
    100k) cmd=("${kubelint_cmd[@]}" "$d100k"); what="100k folder"; expect=1 ;;
    *) echo "bench/run.sh: no case $1" >&2; exit 2 ;;
  esac
}

work="$(mktemp -d "${TMPDIR:-/tmp}/kubelint-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs one case once; with "record", appends "wall_s cpu_s rss_kib" to its samples.
measure() {
  local name="$1" record="$2" start end rc=0
  describe_case "$name"
  start=$(date +%s%N)
  /usr/bin/time -v -o "$work/time" "${cmd[@]}" >"$work/out" 2>"$work/err" || rc=$?
  end=$(date +%s%N)
  if ((rc != expect)); then
    echo "bench/run.sh: $name exited with $rc, expected $expect: ${cmd[*]}" >&2
    tail -n 20 "$work/err" "$work/out" >&2
    exit 1
  fi
  if [[ "$record" == record ]]; then
    awk -v wall="$(((end - start) / 1000))" -F': ' '
      /User time/ {u = $2} /System time/ {s = $2} /Maximum resident set size/ {r = $2}
      END {printf "%.6f %.2f %d\n", wall / 1e6, u + s, r}' "$work/time" >>"$work/$name.samples"
  fi
}

load() { cut -d' ' -f1 /proc/loadavg; }

echo "bench: warm-up round" >&2
for c in "${cases[@]}"; do measure "$c" warm-up; done
loads=()
for ((r = 1; r <= runs; r++)); do
  loads+=("$(load)")
  echo "bench: round $r of $runs (load $(load))" >&2
  for c in "${cases[@]}"; do measure "$c" record; done
done
loads+=("$(load)")

# column (1 wall, 2 cpu, 3 rss) of a case's samples: median, min, max
stats() {
  sort -g -k"$2","$2" "$work/$1.samples" | awk -v k="$2" '{v[NR] = $k} END {printf "%s %s %s\n", v[int((NR + 1) / 2)], v[1], v[NR]}'
}
median() { stats "$1" "$2" | cut -d' ' -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
check() { awk -v v="$1" -v op="$2" -v limit="$3" 'BEGIN {ok = op == "<=" ? v <= limit : v >= limit; print ok ? "yes" : "**no**"}'; }

report="$root/target/bench-results/run-$(date +%Y%m%d-%H%M%S).md"
mkdir -p "$(dirname "$report")"
{
  echo "## Whole-process benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n "$(git status --porcelain 2>/dev/null | grep -v '^??')" ]] && echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory; $(java -version 2>&1 | head -n 1)"
  echo "- load average (1 min) before each round and at the end: ${loads[*]}"
  echo "- $runs measured runs per case after one warm-up, interleaved; median (min-max) wall, median CPU and peak RSS"
  echo "- JVM command: \`$(printf '%s ' "${kubelint_cmd[@]}" | sed "s|$root/||g")\`"
  echo "- data: $(head -n 1 "$d10k/GENERATED.txt")"
  echo
  echo "| case | wall (s) | CPU user+sys (s) | peak RSS (MiB) |"
  echo "| --- | --- | --- | --- |"
  for c in "${cases[@]}"; do
    describe_case "$c"
    read -r wm wmin wmax < <(stats "$c" 1)
    printf '| %s | %.3f (%.3f-%.3f) | %.2f | %.0f |\n' "$what" "$wm" "$wmin" "$wmax" "$(median "$c" 2)" \
      "$(awk -v k="$(median "$c" 3)" 'BEGIN {print k / 1024}')"
  done
  echo
  echo "| target | measured | limit | met |"
  echo "| --- | --- | --- | --- |"
  v=$(ratio "$(median 10k 1)" "$(median floor-10k 1)")
  echo "| 10k folder: wall time over the read-and-parse floor | $v | <= 1.3 | $(check "$v" "<=" 1.3) |"
  v=$(ratio "$(median 10k 2)" "$(median floor-10k 2)")
  echo "| (the same in CPU time, which a busy machine disturbs less) | $v | <= 1.3 | $(check "$v" "<=" 1.3) |"
  v=$(ratio "$(median 10k-jobs1 1)" "$(median 10k 1)")
  echo "| 10k folder: speed-up of the default --jobs over --jobs 1 | $v | >= 1.5 | $(check "$v" ">=" 1.5) |"
  v=$(median pod 1)
  echo "| one small Pod file: median wall time (s) | $(printf '%.3f' "$v") | <= 0.35 | $(check "$v" "<=" 0.35) |"
  v=$(ratio "$(median pod 1)" "$(median java-version 1)")
  echo "| one small Pod file over \`java -version\` | $v | <= 5 | $(check "$v" "<=" 5) |"
  if ((with_100k)); then
    v=$(ratio "$(median 100k 1)" "$(median 10k 1)")
    echo "| 100k folder over 10k folder: wall time | $v | <= 11 | $(check "$v" "<=" 11) |"
    v=$(ratio "$(median 100k 2)" "$(median 10k 2)")
    echo "| (the same in CPU time) | $v | <= 11 | $(check "$v" "<=" 11) |"
    v=$(ratio "$(median 100k 3)" "$(median 10k 3)")
    echo "| 100k folder over 10k folder: peak RSS | $v | <= 1.25 | $(check "$v" "<=" 1.25) |"
  fi
  v=$(awk -v k="$(median 10k 3)" 'BEGIN {printf "%.0f", k / 1024}')
  echo "| 10k folder: peak RSS (MiB) | $v | <= 128 | $(check "$v" "<=" 128) |"
} | tee "$report"
echo >&2
echo "bench: report saved as ${report#"$root"/}" >&2
