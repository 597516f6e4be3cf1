#!/usr/bin/env bash
# Builds Tutti's Linux packages with jpackage: an app-image and a .deb (bundled, trimmed runtime;
# menu entry and icon; `tutti` on PATH; the tutti-server systemd unit, disabled).
# usage: installers/build.sh [app-image|deb|all]      (default: all)   → installers/target/
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
what=${1:-all}
jar=client/target/tutti.jar
[ -f "$jar" ] || ./mvnw -q -B -ntp -DskipTests package -pl client -am
out=installers/target
pkg=installers/src/main/package/linux
app_version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -n 1)
rm -rf "$out/input" "$out/app-image" "$out"/*.deb
mkdir -p "$out/input"
cp "$jar" "$out/input/"

# Only the JDK modules the application uses (plus jdk.unsupported for JNA and FlatLaf).
modules=$(jdeps --ignore-missing-deps --multi-release 25 --print-module-deps "$out/input/tutti.jar")
modules="$modules,jdk.unsupported,jdk.crypto.ec,jdk.localedata"

common=(--name tutti --app-version "$app_version" --vendor "Tutti"
  --description "Play music together online in real time (Jamulus-compatible)"
  --input "$out/input" --main-jar tutti.jar --main-class org.tutti.app.Main
  --java-options --enable-native-access=ALL-UNNAMED
  --add-modules "$modules"
  --jlink-options --strip-debug --jlink-options --no-header-files --jlink-options --no-man-pages
  --icon "$pkg/tutti.png")

if [ "$what" = all ] || [ "$what" = app-image ]; then
  jpackage --type app-image "${common[@]}" --dest "$out/app-image"
  echo "app-image: $out/app-image/tutti ($(du -sh "$out/app-image/tutti" | cut -f1))"
fi
if [ "$what" = all ] || [ "$what" = deb ]; then
  jpackage --type deb "${common[@]}" --dest "$out" \
    --resource-dir "$pkg" --app-content "$pkg/content/systemd" \
    --linux-package-name tutti --linux-deb-maintainer "packaging@tutti.invalid" \
    --linux-menu-group "AudioVideo;Audio;" --linux-app-category sound --linux-shortcut
  deb=$(ls "$out"/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1))"
fi
