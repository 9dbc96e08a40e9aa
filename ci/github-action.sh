#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml): fetches kubelint and runs it with the action's inputs, given as
# environment variables. Annotations go to the log (the runner turns them into pull request annotations); other
# reports go to files, whose folder is the step's output reports-dir.
#
# Environment: INPUT_PATHS, INPUT_FORMATS (comma-separated), INPUT_FAIL_ON, INPUT_VERSION, INPUT_CONFIG,
# INPUT_BASELINE, INPUT_ARGS, and the runner's GITHUB_OUTPUT and RUNNER_TEMP.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$("$here/fetch-kubelint.sh" "${INPUT_VERSION:-latest}")"

reports="${RUNNER_TEMP:-/tmp}/kubelint"
mkdir -p "$reports"
args=(--fail-on "${INPUT_FAIL_ON:-error}")
IFS=',' read -r -a formats <<<"${INPUT_FORMATS:-github}"
for format in "${formats[@]}"; do
  format="${format//[[:space:]]/}"
  case "$format" in
    "") ;;
    github) args+=(--format github) ;;
    text) args+=(--format "text=$reports/kubelint.txt") ;;
    sarif) args+=(--format "sarif=$reports/kubelint.sarif") ;;
    junit) args+=(--format "junit=$reports/kubelint.xml") ;;
    json) args+=(--format "json=$reports/kubelint.json") ;;
    *) args+=(--format "$format=$reports/kubelint.$format") ;;
  esac
done
[[ -z "${INPUT_CONFIG:-}" ]] || args+=(--config "$INPUT_CONFIG")
[[ -z "${INPUT_BASELINE:-}" ]] || args+=(--baseline "$INPUT_BASELINE")
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi
# paths: one per line or separated by spaces
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true

{
  echo "reports-dir=$reports"
  echo "sarif-file=$reports/kubelint.sarif"
} >>"${GITHUB_OUTPUT:-/dev/null}"
set +e
java -jar "$jar" "${args[@]}" -- "${paths[@]}"
code=$?
set -e
echo "exit-code=$code" >>"${GITHUB_OUTPUT:-/dev/null}"
exit "$code"
