# Sourced by ./kiln, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 25.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm.

kiln_java_major() { # prints the feature version of the JDK at $1, or 0 (bash only: no process per JDK)
  local release="$1/release" line v=0
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return; }
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) v="${line#JAVA_VERSION=\"}"; v="${v%%[!0-9]*}"; break ;;
      esac
    done <"$release"
  fi
  echo "${v:-0}"
}

kiln_find_jdk() {
  local best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ] && [ "$(kiln_java_major "$JAVA_HOME")" -ge 25 ]; then
    return 0
  fi
  for dir in /usr/lib/jvm/*; do
    [ -L "$dir" ] && continue
    v=$(kiln_java_major "$dir")
    if [ "$v" -gt "$best_v" ]; then best_v=$v; best=$dir; fi
  done
  if [ "$best_v" -lt 25 ]; then
    echo "kiln: no JDK 25 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm has none)." >&2
    echo "kiln: install one, e.g. 'apt-get install temurin-25-jdk', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

kiln_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
