# Sourced or run after a Maven build: prints one closing line summing every Surefire/Failsafe report,
# e.g. "tests: 412 passed, 0 failed, 3 skipped", and names each test that failed once and passed when rerun
# (rerunFailingTestsCount in pom.xml) so a flaky test is seen, not hidden.
tutti_test_summary() {
  local total=0 failed=0 skipped=0 flaky=0 f t e s fl names=""
  for f in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
    [ -f "$f" ] || continue
    read -r t e s fl < <(sed -n '0,/<testsuite /{s/.*<testsuite [^>]*tests="\([0-9]*\)"[^>]*errors="\([0-9]*\)"[^>]*skipped="\([0-9]*\)"[^>]*failures="\([0-9]*\)".*/\1 \2 \3 \4/p}' "$f" | head -n 1)
    [ -n "${t:-}" ] || continue
    total=$((total + t)); failed=$((failed + e + fl)); skipped=$((skipped + s))
    names+=$(awk '/<testcase /{match($0, /name="[^"]*"/); n=substr($0, RSTART+6, RLENGTH-7);
                               match($0, /classname="[^"]*"/); c=substr($0, RSTART+11, RLENGTH-12)}
                  /<flaky(Failure|Error)/{if (n != seen) {print c "." n; seen = n}}' "$f")$'\n'
  done
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    flaky=$((flaky + 1)); echo "flaky (failed, then passed when rerun): $line"
  done <<< "$names"
  echo "flaky tests (counted as passed): $flaky"
  echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
}
tutti_test_summary
