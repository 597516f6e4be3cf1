#!/usr/bin/env bash
# Downloads a Debian source package as any user, without root and without touching /etc/apt or apt's own state:
# apt runs on a private state directory whose only sources are deb-src entries derived from the machine's own
# configured deb entries (same URIs, suites, components, Signed-By keyring; disabled files and entries ignored).
# The machine's apt configuration (proxies, apt.conf.d) still applies.
#
# usage: apt-source.sh WORK_DIR DEST_DIR PACKAGE[=VERSION]...
#   WORK_DIR  private apt state (created; may be deleted afterwards)
#   DEST_DIR  where the source files (.dsc, .orig.tar.*, ...) are downloaded, not unpacked
#   Tries each PACKAGE[=VERSION] in turn and stops at the first that downloads. Exit 0 on success; otherwise
#   non-zero with the reason on stderr (the full apt log stays in WORK_DIR/apt.log).
#
# Also: apt-source.sh --print-sources WORK_DIR  writes and prints the derived deb-src entries only.
set -euo pipefail

print_only=false
if [[ ${1:-} == --print-sources ]]; then print_only=true; shift; fi
work=${1:?usage: apt-source.sh WORK_DIR DEST_DIR PACKAGE[=VERSION]...}
if ! $print_only; then
  dest=${2:?usage: apt-source.sh WORK_DIR DEST_DIR PACKAGE[=VERSION]...}
  shift 2
  (($# > 0)) || { echo "apt-source: no package named" >&2; exit 2; }
fi

command -v apt-get >/dev/null 2>&1 || { echo "apt-source: apt-get is not installed" >&2; exit 3; }

# Where this machine's apt reads its sources (normally /etc/apt/sources.list and /etc/apt/sources.list.d/).
source_list=/etc/apt/sources.list
source_parts=/etc/apt/sources.list.d
if command -v apt-config >/dev/null 2>&1; then
  eval "$(apt-config shell source_list Dir::Etc::SourceList/f source_parts Dir::Etc::SourceParts/d)"
fi
source_parts=${source_parts%/}

# One-line format: "deb [opt=val ...] URI SUITE [COMPONENT...]" -> a deb822 deb-src stanza with the same URI,
# suite, components and options (Signed-By, Trusted, ...); architecture/language/target options do not apply.
oneline_to_deb822() {
  awk '
    { sub(/#.*/, "") }
    NF == 0 || $1 != "deb" { next }
    {
      i = 2; opts = ""
      if ($2 ~ /^\[/) {
        for (; i <= NF; i++) { opts = opts " " $i; if ($i ~ /\]$/) { i++; break } }
        gsub(/[\[\]]/, "", opts)
      }
      if (i + 1 > NF) next
      uri = $i; suite = $(i + 1); comps = ""
      for (j = i + 2; j <= NF; j++) comps = comps (comps == "" ? "" : " ") $j
      if (uri ~ /^cdrom:/) next
      print "Types: deb-src"; print "URIs: " uri; print "Suites: " suite
      if (comps != "") print "Components: " comps
      n = split(opts, o, " ")
      for (k = 1; k <= n; k++) {
        eq = index(o[k], "="); if (eq == 0) continue
        key = substr(o[k], 1, eq - 1); val = substr(o[k], eq + 1)
        if (key ~ /^(arch|lang|target)([+-])?$/ || key ~ /[+-]$/) continue
        print key ": " val
      }
      print ""
    }' "$1"
}

# deb822 format: every stanza whose Types include "deb" (and not "Enabled: no") becomes a deb-src stanza with all
# its other fields, continuation lines (inline Signed-By keys) included.
deb822_to_deb822() {
  awk '
    function reset() { body = ""; has_deb = 0; enabled = 1; keep = 0; uri_cdrom = 0 }
    function flush() {
      if (has_deb && enabled && !uri_cdrom && body != "") { print "Types: deb-src"; printf "%s", body; print "" }
      reset()
    }
    BEGIN { reset() }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { if (keep) body = body $0 "\n"; next }
    {
      colon = index($0, ":"); if (colon == 0) { keep = 0; next }
      name = tolower(substr($0, 1, colon - 1)); value = substr($0, colon + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", value)
      keep = 1
      if (name == "types") {
        keep = 0; n = split(value, t, /[ \t]+/)
        for (k = 1; k <= n; k++) if (t[k] == "deb") has_deb = 1
      } else if (name == "enabled") {
        keep = 0; if (tolower(value) == "no") enabled = 0
      } else if (name ~ /^(architectures|languages|targets)(-add|-remove)?$/) {
        keep = 0
      } else if (name == "uris" && value ~ /^cdrom:/) {
        uri_cdrom = 1
      }
      if (keep) body = body $0 "\n"
    }
    END { flush() }' "$1"
}

mkdir -p "$work/state/lists/partial" "$work/cache/archives/partial" "$work/sources.list.d"
: >"$work/sources.list"
derived=$work/sources.list.d/tutti-deb-src.sources
: >"$derived"
read_files=()
[[ -f $source_list ]] && { oneline_to_deb822 "$source_list" >>"$derived"; read_files+=("$source_list"); }
if [[ -d $source_parts ]]; then
  # apt reads only *.list and *.sources whose names are letters, digits, "_", "-" and "."; others are disabled.
  for f in "$source_parts"/*; do
    [[ -f $f ]] || continue
    base=${f##*/}
    [[ $base =~ ^[A-Za-z0-9_.-]+$ ]] || continue
    case $base in
      *.list) oneline_to_deb822 "$f" >>"$derived"; read_files+=("$f") ;;
      *.sources) deb822_to_deb822 "$f" >>"$derived"; read_files+=("$f") ;;
    esac
  done
fi
entries=$(grep -c '^Types: deb-src' "$derived" || true)

if $print_only; then cat "$derived"; exit 0; fi

if [[ $entries == 0 ]]; then
  echo "apt-source: no enabled deb entries in ${read_files[*]:-$source_list $source_parts} to derive deb-src from" >&2
  exit 4
fi

apt_opts=(
  -o "Dir::State=$work/state"
  -o "Dir::Cache=$work/cache"
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=$work/sources.list.d"
  -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=$(id -un)"
  -o "Acquire::Languages=none"
  -o "APT::Get::List-Cleanup=0"
)
log=$work/apt.log
: >"$log"
if ! apt-get "${apt_opts[@]}" -q update >>"$log" 2>&1; then
  echo "apt-source: apt-get update (private state in $work) reported errors; trying anyway" >>"$log"
fi
mkdir -p "$dest"
for spec in "$@"; do
  if (cd "$dest" && apt-get "${apt_opts[@]}" -q source --download-only "$spec") >>"$log" 2>&1; then
    exit 0
  fi
done
{
  echo "apt-source: could not download $* from the deb-src entries derived from ${read_files[*]} ($entries entries)."
  echo "apt-source: the end of apt's log ($log):"
  grep -E '^(E|W|Err):' "$log" | tail -n 8 | sed 's/^/  /'
} >&2
exit 5
