# Sourced by Tutti's scripts: exports JAVA_HOME pointing at a JDK >= 25 (JAVA_HOME if it qualifies,
# else the newest under /usr/lib/jvm or /opt), and puts it first on PATH.
tutti_jdk_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1; }
tutti_find_jdk() {
  local best="" best_major=0 d m
  for d in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
    [ -x "$d/bin/javac" ] || continue
    m=$(tutti_jdk_major "$d")
    [ -n "$m" ] || continue
    if [ "$m" -ge 25 ] && [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "Tutti needs a JDK 25 or newer (javac). Install one (e.g. Temurin 25) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
tutti_find_jdk
