#!/usr/bin/env bash
# Builds opus_timing.c statically against the same pinned opus 1.3.1 CELT sources and gcc flags that
# shared/src/main/native/build-opus-jni.sh uses (minus -shared/-fPIC), then times both Jamulus modes.
# The opus source is unpacked under bench/target and never committed.
# usage: bench/src/main/c/run-c-timing.sh [TIMED_FRAMES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=$here/../../../target/c-timing
frames=${1:-200000}
cache_dir=${TUTTI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tutti}
tarball=$cache_dir/opus-1.3.1.tar.gz
[[ -f $tarball ]] || { echo "missing $tarball: build the shared module first (it fetches it)" >&2; exit 1; }
mkdir -p "$target"
tar -xzf "$tarball" -C "$target" opus-1.3.1/celt opus-1.3.1/include
src=$target/opus-1.3.1
gcc -O2 -std=gnu99 -DCUSTOM_MODES -DOPUS_BUILD -DUSE_ALLOCA -DHAVE_LRINTF -DHAVE_LRINT \
  -I"$src/include" -I"$src/celt" -I"$src" \
  "$here/opus_timing.c" $(ls "$src"/celt/*.c | grep -v -e opus_custom_demo -e '/tests/') \
  -o "$target/opus_timing" -lm
"$target/opus_timing" 128 71 50000 "$frames"
"$target/opus_timing" 64 35 50000 "$frames"
