# Sourced or run after a Maven build: prints one closing line summing every Surefire/Failsafe report,
# e.g. "tests: 412 passed, 0 failed, 3 skipped".
tutti_test_summary() {
  local total=0 failed=0 skipped=0 f t e s fl
  for f in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
    [ -f "$f" ] || continue
    read -r t e s fl < <(sed -n '0,/<testsuite /{s/.*<testsuite [^>]*tests="\([0-9]*\)"[^>]*errors="\([0-9]*\)"[^>]*skipped="\([0-9]*\)"[^>]*failures="\([0-9]*\)".*/\1 \2 \3 \4/p}' "$f" | head -n 1)
    [ -n "${t:-}" ] || continue
    total=$((total + t)); failed=$((failed + e + fl)); skipped=$((skipped + s))
  done
  echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
}
tutti_test_summary
