#!/usr/bin/env bash
# Renders the README screenshots into docs/screenshots (needs xvfb-run and a JDK >= 25).
# Only some: SHOTS='ScreenshotsTest#serverTabAt1280x720+connectDialogWithADirectoryProblem' scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -q -B -ntp -pl client -am test -Dtest="${SHOTS:-ScreenshotsTest}" \
  -Dsurefire.failIfNoSpecifiedTests=false -Dtutti.screenshots="$PWD/docs/screenshots"
ls docs/screenshots
