#!/usr/bin/env bash
# Fetches the runnable kubelint jar of a release from a Maven repository (Maven Central by default), checks it
# against the repository's SHA-1 file, caches it, and prints its path. Used by the GitHub Action and the
# pre-commit hook of this repository.
#
# Usage: fetch-kubelint.sh [VERSION]     VERSION: a release such as 0.1.0, or latest (the default)
# Environment:
#   KUBELINT_REPOSITORY  the Maven repository (default https://repo1.maven.org/maven2)
#   KUBELINT_CACHE       where jars are kept (default ${XDG_CACHE_HOME:-$HOME/.cache}/kubelint)
set -euo pipefail

version="${1:-latest}"
repository="${KUBELINT_REPOSITORY:-https://repo1.maven.org/maven2}"
repository="${repository%/}"
base="$repository/dev/kubelint/kubelint-cli"
cache="${KUBELINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubelint}"

fetch() {
  if ! curl --fail --silent --show-error --location --retry 3 --proto '=https,file' -o "$2" "$1"; then
    rm -f "$2"
    echo "kubelint: cannot fetch $1" >&2
    exit 2
  fi
}

if [[ "$version" == latest ]]; then
  metadata="$(mktemp)"
  trap 'rm -f "$metadata"' EXIT
  fetch "$base/maven-metadata.xml" "$metadata"
  version="$(sed -n 's:.*<release>\(.*\)</release>.*:\1:p' "$metadata" | head -n 1)"
  if [[ -z "$version" ]]; then
    echo "kubelint: no release of kubelint-cli in $repository" >&2
    exit 2
  fi
fi
if [[ ! "$version" =~ ^[0-9A-Za-z._-]+$ ]]; then
  echo "kubelint: '$version' is not a version" >&2
  exit 2
fi

jar="$cache/$version/kubelint.jar"
if [[ ! -s "$jar" ]]; then
  mkdir -p "$cache/$version"
  url="$base/$version/kubelint-cli-$version-all.jar"
  fetch "$url" "$jar.part"
  fetch "$url.sha1" "$jar.sha1"
  expected="$(tr -d ' \r\n' <"$jar.sha1" | cut -c1-40)"
  actual="$(sha1sum "$jar.part" | cut -d ' ' -f 1)"
  if [[ "$expected" != "$actual" ]]; then
    rm -f "$jar.part" "$jar.sha1"
    echo "kubelint: $url does not match its SHA-1 checksum" >&2
    exit 2
  fi
  mv "$jar.part" "$jar"
fi
echo "$jar"
