#!/usr/bin/env bash
# Builds Tutti's macOS disk image (.dmg) with jpackage. Run on a Mac from the repository root:
#   installers/macos/build-dmg.sh
# Needs: a JDK 25+ (JAVA_HOME), Xcode command-line tools (clang), the opus 1.3.1 tarball (the build script
# fetches it; see README). The Opus JNI library must be built on macOS: the shared module's build script
# currently knows Linux only, so this script compiles libtuttiopus.dylib itself and adds it to the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build-dmg.sh runs on macOS only" >&2; exit 1; }
./mvnw -q -B -DskipTests package -pl client -am
arch=$(uname -m); [ "$arch" = arm64 ] && platform=darwin-aarch64 || platform=darwin-x86-64
src=shared/target/opus-1.3.1
work=installers/target/mac; rm -rf "$work"; mkdir -p "$work/native/$platform" "$work/input"
clang -O2 -dynamiclib -fvisibility=hidden -DCUSTOM_MODES -DOPUS_BUILD -DUSE_ALLOCA -DHAVE_LRINTF -DHAVE_LRINT \
  -I"$src/include" -I"$src/celt" -I"$src" -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/darwin" \
  shared/src/main/native/opus_jni.c $(ls "$src"/celt/*.c | grep -v opus_custom_demo) \
  -o "$work/native/$platform/libtuttiopus.dylib"
cp client/target/tutti.jar "$work/input/"
(cd "$work" && jar uf input/tutti.jar "native/$platform/libtuttiopus.dylib")
jpackage --type dmg --name Tutti --app-version 0.1.0 --vendor Tutti \
  --input "$work/input" --main-jar tutti.jar --main-class org.tutti.app.Main \
  --java-options --enable-native-access=ALL-UNNAMED \
  --add-modules java.base,java.desktop,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.localedata \
  --mac-package-identifier org.tutti.app \
  --dest installers/target
# Microphone access: macOS asks the user the first time Java Sound opens an input line.
ls -la installers/target/*.dmg
