#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml): fetches the kubelint release (once; KUBELINT_VERSION, default
# latest) and checks the staged manifests pre-commit names. Needs a Java 17 or newer runtime on the PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$("$here/fetch-kubelint.sh" "${KUBELINT_VERSION:-latest}")"
# no file left: pre-commit ran the hook with nothing to check
[[ $# -gt 0 ]] || exit 0
exec java -jar "$jar" --quiet "$@"
