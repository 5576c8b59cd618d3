# Sourced by the project's scripts: selects a JDK 21+ (JAVA_HOME) when the default java is
# older, and puts it first on PATH. Honours a JAVA_HOME that is already 21+.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

assent_pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
    return 0
  fi
  local default_java
  if default_java="$(command -v java)"; then
    local home
    home="$(dirname "$(dirname "$(readlink -f "$default_java")")")"
    if (( $(java_major "$home") >= 21 )); then
      export JAVA_HOME="$home"
      return 0
    fi
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" ]] && (( major >= 21 && major > best_major )); then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "assent: no JDK 21+ found (looked in /usr/lib/jvm, /opt); set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

assent_pick_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
