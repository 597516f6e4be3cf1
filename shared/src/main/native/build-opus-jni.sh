#!/usr/bin/env bash
# Builds libtuttiopus.so: the CELT part of the pinned upstream opus 1.3.1 source with custom modes,
# plus Tutti's JNI shim. The opus source is fetched at build time and never committed.
# usage: build-opus-jni.sh TARGET_DIR NATIVE_OUT_DIR JAVA_HOME
set -euo pipefail

target_dir=$1
native_out=$2
java_home=${3:-${JAVA_HOME:-}}
here=$(cd "$(dirname "$0")" && pwd)
repo_root=$(cd "$here/../../../.." && pwd)

opus_version=1.3.1
opus_sha256=65b58e1e25b2a114157014736a3d9dfeaad8d41be1c8179866f144a2fb44ff9d
cache_dir=${TUTTI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tutti}
tarball=$cache_dir/opus-$opus_version.tar.gz

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86-64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  *) echo "build-opus-jni: no native build recipe for $(uname -s)-$(uname -m) yet; the codec will be unavailable" >&2; exit 0 ;;
esac

lib=$native_out/$platform/libtuttiopus.so
shim=$here/opus_jni.c
if [[ -f $lib && $lib -nt $shim && $lib -nt $0 ]]; then
  exit 0   # up to date
fi

sha_ok() { [[ -f $1 ]] && echo "$opus_sha256  $1" | sha256sum -c --status; }

# The pinned tarball, from the first source that has it: $TUTTI_OPUS_TARBALL, the cache, Debian's source package
# (apt as this user on a private state directory: no root, no deb-src lines needed, /etc/apt untouched), upstream.
fetch_tarball() {
  mkdir -p "$cache_dir"
  local tried=() tmp
  if [[ -n ${TUTTI_OPUS_TARBALL:-} ]]; then
    if sha_ok "$TUTTI_OPUS_TARBALL"; then cp "$TUTTI_OPUS_TARBALL" "$tarball"; return; fi
    tried+=("TUTTI_OPUS_TARBALL=$TUTTI_OPUS_TARBALL: $( [[ -f $TUTTI_OPUS_TARBALL ]] && echo 'wrong sha256' || echo 'no such file')")
  fi
  sha_ok "$tarball" && return
  tried+=("cache $tarball: $( [[ -f $tarball ]] && echo 'wrong sha256' || echo 'absent')")
  tmp=$(mktemp -d)
  # Debian's source package carries the unmodified upstream tarball (same sha256).
  local apt_err
  # apt's private state (about 20 MB of indexes) is deleted after a success and kept for reading after a failure.
  local apt_work=$cache_dir/apt-work
  rm -rf "$apt_work"
  if apt_err=$(bash "$repo_root/scripts/apt-source.sh" "$apt_work" "$tmp/src" "opus=$opus_version-3" opus 2>&1); then
    rm -rf "$apt_work"
    if sha_ok "$tmp/src/opus_$opus_version.orig.tar.gz"; then
      mv "$tmp/src/opus_$opus_version.orig.tar.gz" "$tarball"; rm -rf "$tmp"
      echo "build-opus-jni: opus $opus_version source taken from Debian's source package (cached in $cache_dir)"
      return
    fi
    local got=("$tmp"/src/*.orig.tar.*)
    tried+=("Debian's source package opus (apt as $(id -un), private state): ${got[*]##*/} has not the pinned sha256")
  else
    tried+=("Debian's source package opus (apt as $(id -un), private state): ${apt_err//$'\n'/$'\n'    }")
  fi
  local url="https://downloads.xiph.org/releases/opus/opus-$opus_version.tar.gz" curl_err
  if command -v curl >/dev/null 2>&1; then
    if curl_err=$(curl -fsSL --max-time 120 -o "$tmp/opus.tar.gz" "$url" 2>&1) && sha_ok "$tmp/opus.tar.gz"; then
      mv "$tmp/opus.tar.gz" "$tarball"; rm -rf "$tmp"
      echo "build-opus-jni: opus $opus_version source downloaded from upstream (cached in $cache_dir)"
      return
    fi
    tried+=("upstream $url: ${curl_err:-wrong sha256}")
  else
    tried+=("upstream $url: curl is not installed")
  fi
  rm -rf "$tmp"
  {
    echo "build-opus-jni: could not obtain opus-$opus_version.tar.gz (sha256 $opus_sha256). Tried:"
    printf '  - %s\n' "${tried[@]}"
    echo "To fix: check this machine's network (or apt's proxy settings), or download $url elsewhere,"
    echo "check its sha256, and put it at $tarball (or point TUTTI_OPUS_TARBALL at it); then build again."
  } >&2
  exit 1
}

fetch_tarball

src=$target_dir/opus-$opus_version
rm -rf "$src"
mkdir -p "$target_dir"
tar -xzf "$tarball" -C "$target_dir" "opus-$opus_version/celt" "opus-$opus_version/include"

# opus 1.3.1 computes the encoder's "equivalent rate" for frames shorter than 20 ms with a right shift where a left
# shift is meant, so at Jamulus's 2.7-ms frames the encoder believes it has an eighth of its real bit rate and makes
# low-rate choices (mono at normal quality: 2.5-3 dB less signal-to-noise over two codec passes). Jamulus builds its
# own copy of opus with exactly this fix (its libs/opus, "fix equivalent bitrate calculation for <20ms frame
# sizes"), and later upstream releases compute it the same way; without it Tutti sounds worse than Jamulus.
encoder_c=$src/celt/celt_encoder.c
sed -i 's/equiv_rate = ((opus_int32)nbCompressedBytes\*8\*50 >> (3-LM))/equiv_rate = ((opus_int32)nbCompressedBytes*8*50 << (3-LM))/' "$encoder_c"
if ! grep -q 'equiv_rate = ((opus_int32)nbCompressedBytes\*8\*50 << (3-LM))' "$encoder_c"; then
  echo "build-opus-jni: the equivalent-rate fix did not apply to $encoder_c" >&2; exit 1
fi

if [[ -z $java_home || ! -f $java_home/include/jni.h ]]; then
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi

mkdir -p "$(dirname "$lib")"
celt_sources=$(ls "$src"/celt/*.c | grep -v -e opus_custom_demo -e '/tests/')
# No hardening macro: opus 1.3.1's validate_celt_decoder() assertion is wrong for custom modes
# (it aborts 128-sample decoding), and it is only compiled in with ENABLE_HARDENING.
gcc -O2 -fPIC -shared -fvisibility=hidden -std=gnu99 \
  -DCUSTOM_MODES -DOPUS_BUILD -DUSE_ALLOCA -DHAVE_LRINTF -DHAVE_LRINT \
  -I"$src/include" -I"$src/celt" -I"$src" \
  -I"$java_home/include" -I"$java_home/include/linux" \
  "$shim" $celt_sources -o "$lib" -lm -Wl,--no-undefined -s
echo "build-opus-jni: built $lib"

# With mingw-w64 installed, also cross-compile the Windows x64 DLL so that the same jar runs there.
if [[ $platform == linux-x86-64 ]] && command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  dll=$native_out/win32-x86-64/tuttiopus.dll
  mkdir -p "$(dirname "$dll")"
  x86_64-w64-mingw32-gcc -O2 -shared -std=gnu99 \
    -DCUSTOM_MODES -DOPUS_BUILD -DUSE_ALLOCA -DHAVE_LRINTF -DHAVE_LRINT \
    -I"$here/win32" -I"$src/include" -I"$src/celt" -I"$src" -I"$java_home/include" \
    "$shim" $celt_sources -o "$dll" -lm -s -static-libgcc
  echo "build-opus-jni: built $dll"
fi
