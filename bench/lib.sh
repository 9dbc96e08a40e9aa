# Shared by the bench/ scripts: paths and builds. Source it; it sets root, cli_jar and bench_jar.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cli_jar="$root/cli/target/kubelint.jar"
bench_jar="$root/benchmarks/target/benchmarks.jar"
data="${KUBELINT_BENCH_DATA:-$root/target/bench-data}"

# Builds the benchmarks jar (JMH and the generator) when it is missing or older than the sources it holds.
build_bench_jar() {
  if [[ -f "$bench_jar" ]] && [[ -z "$(find "$root/pom.xml" "$root/linter-core" "$root/schemas" "$root/rules" \
      "$root/benchmarks" \( -path '*/target' -o -path '*/src/test' \) -prune -o -type f -newer "$bench_jar" \
      -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  echo "bench: building benchmarks/target/benchmarks.jar" >&2
  (cd "$root" && ./mvnw -q -B -Pbenchmarks -DskipTests -Dinvoker.skip=true -pl benchmarks -am package) >&2
}

# The template folders: the samples, then the project's corpus or KUBELINT_BENCH_CORPUS (or ../shared/corpus).
template_args() {
  local args=(--templates "$root/samples/good" --templates "$root/samples/bad")
  if [[ -d "$root/cli/src/test/resources/corpus" ]]; then
    args+=(--templates "$root/cli/src/test/resources/corpus")
  elif [[ -n "${KUBELINT_BENCH_CORPUS:-}" ]]; then
    args+=(--templates "$KUBELINT_BENCH_CORPUS")
  elif [[ -d "$root/../shared/corpus" ]]; then
    args+=(--templates "$(cd "$root/../shared/corpus" && pwd)")
  fi
  printf '%s\n' "${args[@]}"
}

# Stops the calling script (named $1) unless $2 is a positive number of runs and GNU time is /usr/bin/time.
check_runs_and_time() {
  if ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
    echo "$1: --runs needs a positive number" >&2
    exit 2
  fi
  if ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "$1: needs GNU time as /usr/bin/time (Debian and Ubuntu: apt-get install time)" >&2
    exit 2
  fi
}
