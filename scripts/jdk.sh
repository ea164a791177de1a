# Sourced by ./stowage and infra-cdk/synth: finds a JDK >= 21 while the machine's default java may be older.
# Defines find_jdk (prints the JDK's home, or calls die, which the sourcing script defines).

MIN_JAVA=21


# The feature version (17, 21, 25…) of the JDK at $1, or nothing.
java_version() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  version="${version#1.}"
  echo "${version%%[.+-]*}"
}

is_recent() {
  local v
  v="$(java_version "$1")"
  [[ -n "$v" && "$v" =~ ^[0-9]+$ && "$v" -ge "$MIN_JAVA" ]]
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]] && is_recent "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return
  fi
  local java_on_path
  if java_on_path="$(command -v java 2>/dev/null)"; then
    local home
    home="$(dirname "$(dirname "$(readlink -f "$java_on_path")")")"
    if is_recent "$home"; then echo "$home"; return; fi
  fi
  local best="" best_version=0 candidate v
  for candidate in /usr/lib/jvm/*; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    v="$(java_version "$candidate")"
    if [[ "$v" =~ ^[0-9]+$ && "$v" -ge "$MIN_JAVA" && "$v" -gt "$best_version" ]]; then
      best="$candidate"; best_version="$v"
    fi
  done
  [[ -n "$best" ]] || die "no JDK ${MIN_JAVA} or newer found (looked at \$JAVA_HOME, java on the PATH and /usr/lib/jvm/*); install one or set JAVA_HOME"
  echo "$best"
}

