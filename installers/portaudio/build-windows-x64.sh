#!/usr/bin/env bash
# Cross-compiles PortAudio (Debian's portaudio19 source) for 64-bit Windows with the WASAPI and MME host APIs, on
# Debian with gcc-mingw-w64-x86-64 and dpkg-dev (no deb-src lines needed: scripts/apt-source.sh runs apt as this
# user on a private state). Output: installers/portaudio/target/portaudio_x64.dll, the
# name Tutti's PortAudio backend looks for first on Windows (next to tutti.exe, or -Dtutti.portaudio.library=PATH).
# Nothing here is committed: the source is fetched into target/ and the DLL stays there.
# ASIO: see README.md (needs Steinberg's SDK, which cannot be redistributed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/target/work"
rm -rf "$work" && mkdir -p "$work"
bash "$here/../../scripts/apt-source.sh" "$work/apt" "$work" portaudio19
rm -rf "$work/apt"
cd "$work"
dpkg-source -x portaudio19_*.dsc >/dev/null
src="$(find . -maxdepth 1 -type d -name 'portaudio19-*' | head -1)"
cd "$src"

# 19.6's WASAPI file only includes the Windows audio headers for MSVC; modern mingw-w64 has them all, lower-case,
# and keeps PKEY_Device_FriendlyName in functiondiscoverykeys_devpkey.h. Its bundled old headers must not shadow them.
wasapi=src/hostapi/wasapi/pa_win_wasapi.c
sed -i 's/^#if defined(_MSC_VER) && (_MSC_VER >= 1400)$/#if (defined(_MSC_VER) \&\& (_MSC_VER >= 1400)) || defined(__MINGW64_VERSION_MAJOR)/' "$wasapi"
sed -i 's#<Avrt.h>#<avrt.h>#; s#<Audioclient.h>#<audioclient.h>#; s#<functiondiscoverykeys.h>#<functiondiscoverykeys_devpkey.h>#' "$wasapi"
rm -rf src/hostapi/wasapi/mingw-include

./configure --host=x86_64-w64-mingw32 --with-winapi=wmme,wasapi --prefix="$work/out" >configure.log
sed -i 's#-I$(top_srcdir)/src/hostapi/wasapi/mingw-include##g' Makefile
make -j"$(nproc)" CC="x86_64-w64-mingw32-gcc -D_WIN32_WINNT=0x0601 -DWINVER=0x0601" >make.log
make install >/dev/null
x86_64-w64-mingw32-strip -o "$here/target/portaudio_x64.dll" "$work/out/bin/libportaudio-2.dll"
echo "built $here/target/portaudio_x64.dll"
x86_64-w64-mingw32-objdump -p "$here/target/portaudio_x64.dll" | grep 'DLL Name'
