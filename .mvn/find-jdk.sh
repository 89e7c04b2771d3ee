# Sourced by ./alignlab and ./mvnw: make JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME, then `java` on the PATH, then the JDKs installed under /usr/lib/jvm.
# Prints one line and returns 1 when none is found.
_alignlab_java_major() {
  # $1 is .../bin/java; a JDK's release file names its version without starting a JVM.
  local rel="${1%/bin/java}/release" v
  if [ -r "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$rel" | head -n 1)
    if [ "$v" = 1 ]; then v=8; fi
    if [ -n "$v" ]; then echo "$v"; return 0; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
_alignlab_quiet_maven() {
  # Maven's own libraries still call sun.misc.Unsafe; JDK 23+ warns about it on every build unless allowed.
  local major
  major=$(_alignlab_java_major "$JAVA_HOME/bin/java")
  if [ "${major:-0}" -ge 23 ] 2>/dev/null; then
    case "${MAVEN_OPTS:-}" in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
_alignlab_find_jdk() {
  local cand major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(_alignlab_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    cand=$(readlink -f "$(command -v javac)")
    cand=${cand%/bin/javac}
    major=$(_alignlab_java_major "$cand/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$cand"; return 0; fi
  fi
  for cand in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    cand=${cand%/}
    [ -x "$cand/bin/javac" ] || continue
    major=$(_alignlab_java_major "$cand/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$cand"; return 0; fi
  done
  echo "alignlab needs a JDK 21 or newer: install one (e.g. the openjdk-21-jdk package) or set JAVA_HOME to it." >&2
  return 1
}
