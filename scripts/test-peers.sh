#!/usr/bin/env bash
# The Debian packages the tests run against (real Jamulus, jackd, Xvfb, ...) and the build of the .deb uses: the one
# list. Sourced by run-tests, which calls tutti_test_peers_check before Maven; `bash scripts/test-peers.sh` runs the
# check alone.
#
# tutti_test_peers_check: every package installed -> returns 0 at once (one dpkg-query, apt is not run). Some
# missing -> installs them with apt-get if it can (root, or `sudo -n true` works); otherwise returns 1 after
# printing the single command that installs them. A test run therefore never passes by silently skipping the
# interop suite.
#   TUTTI_TEST_PEERS_EXTRA="pkg ..."  further required packages (the test of this check names one that does not exist)
#   TUTTI_TEST_PEERS_CHECK=0          skip the check (e.g. not Debian); interop tests then skip what is missing

TUTTI_TEST_PEERS=(
  gcc libc6-dev                      # the Opus JNI library
  jamulus jackd2 jack-delay          # interop: real Jamulus 3.9.1, real JACK, jack_iodelay
  xvfb xauth fonts-dejavu-core       # GUI tests under Xvfb
  libasound2-plugins libportaudio2   # Java Sound through JACK, the PortAudio backend
  procps curl ca-certificates        # process checks, downloads
  fakeroot dpkg-dev binutils         # the .deb (installers/build.sh, installers/ci-deb.sh)
  miniupnpd miniupnpd-nftables nftables iproute2  # port mapping: a real UPnP-IGD/NAT-PMP router in namespaces
)
# Installed when the check can install; missing, it only costs the Windows Opus DLL in the jar.
TUTTI_TEST_PEERS_OPTIONAL=(gcc-mingw-w64-x86-64)

# Prints the named packages that are not installed, one per line.
tutti_packages_missing() {
  local installed p
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null | awk '$2 == "installed" { print $1 }')
  for p in "$@"; do
    grep -qxF -- "$p" <<<"$installed" || echo "$p"
  done
}

tutti_test_peers_check() {
  [ "${TUTTI_TEST_PEERS_CHECK:-1}" = 0 ] && { echo "test peers: check skipped (TUTTI_TEST_PEERS_CHECK=0)" >&2; return 0; }
  local required=("${TUTTI_TEST_PEERS[@]}") missing=() missing_optional=() extra
  read -r -a extra <<<"${TUTTI_TEST_PEERS_EXTRA:-}"
  required+=("${extra[@]}")
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "test peers: cannot check without dpkg-query (Debian/Ubuntu). The tests use these Debian packages:" >&2
    echo "  ${required[*]}" >&2
    echo "Install their equivalents, then run with TUTTI_TEST_PEERS_CHECK=0." >&2
    return 1
  fi
  mapfile -t missing < <(tutti_packages_missing "${required[@]}")
  mapfile -t missing_optional < <(tutti_packages_missing "${TUTTI_TEST_PEERS_OPTIONAL[@]}")
  ((${#missing[@]} + ${#missing_optional[@]} == 0)) && return 0

  local as_root=()
  if [ "$(id -u)" = 0 ]; then
    as_root=(env)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n env)
  fi
  local all=("${missing[@]}" "${missing_optional[@]}")
  if ((${#as_root[@]} == 0)); then
    if ((${#missing[@]} == 0)); then
      echo "test peers: optional ${missing_optional[*]} not installed (no Windows Opus DLL in the jar)" >&2
      return 0
    fi
    local cmd="apt-get install -y --no-install-recommends ${all[*]}"
    if command -v sudo >/dev/null 2>&1; then cmd="sudo $cmd"; else cmd="su -c '$cmd'"; fi
    {
      echo "test peers: missing ${missing[*]}${missing_optional[*]:+ (optional: ${missing_optional[*]})};"
      echo "this user cannot install them (not root, no password-less sudo). Install them with:"
    } >&2
    echo "$cmd"
    return 1
  fi

  echo "test peers: installing ${all[*]}" >&2
  "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || true
  if ! "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${all[@]}" >/dev/null; then
    ((${#missing_optional[@]} > 0)) && ((${#missing[@]} > 0)) &&
      "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  mapfile -t missing < <(tutti_packages_missing "${required[@]}")
  if ((${#missing[@]} > 0)); then
    echo "test peers: apt-get could not install ${missing[*]} (see apt's messages above)" >&2
    return 1
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  tutti_test_peers_check
  exit
fi
