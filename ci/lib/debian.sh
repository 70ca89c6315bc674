# shellcheck shell=bash
# Fetch and unpack Debian packages from any suite (bookworm, trixie, sid, ...) without
# installing them and without touching the host's apt state. Source this file, then:
#
#   debian_mirror                    print the Debian archive URL (from apt's sources)
#   debian_security_mirror           print the security archive URL, or nothing
#   debian_update SUITE              refresh the private package lists when stale
#   debian_apt SUITE CMD [ARG...]    run an apt command (apt-cache, apt-get) on the private state
#   debian_fetch SUITE DEST PKG...   download PKG (name, name=version or name/suite) and unpack
#                                    all of them into DEST (replaced as a whole); DEST/.versions
#                                    gets one "name=version" line per package, DEST/.suite the
#                                    suite. A repeated call is a no-op while the lists are fresh.
#
# Environment:
#   PULLPROOF_DEBIAN_MIRROR           Debian archive URL; default: read from the apt sources
#   PULLPROOF_DEBIAN_SECURITY_MIRROR  security archive URL, or "none"; default: from the apt
#                                     sources (skipped when only PULLPROOF_DEBIAN_MIRROR is set)
#   PULLPROOF_CACHE                   cache root; default <repo>/.cache. Per-suite apt state
#                                     lives in $PULLPROOF_CACHE/debian/<suite>
#   PULLPROOF_DEBIAN_MAX_AGE          seconds before package lists are refreshed (default 86400)
#
# Functions print progress and errors on stderr and return non-zero on failure: they do not
# rely on `set -e`, which bash ignores inside `if`/`||` contexts.

_DEBIAN_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_DEBIAN_REPO="$(cd "$_DEBIAN_LIB_DIR/../.." && pwd)"
_DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

_debian_log() { printf 'debian: %s\n' "$*" >&2; }
_debian_err() { printf 'debian: error: %s\n' "$*" >&2; }

debian_cache_root() { printf '%s\n' "${PULLPROOF_CACHE:-$_DEBIAN_REPO/.cache}"; }

# Every enabled "deb" source of the host as "URI SUITE COMPONENTS...", one per URI and suite,
# from both the one-line (.list) and the deb822 (.sources) formats.
_debian_host_sources() {
  local list=/etc/apt/sources.list parts=/etc/apt/sources.list.d
  if command -v apt-config >/dev/null 2>&1; then
    # apt-config knows where this host keeps its sources; the host config, not ours.
    eval "$(env -u APT_CONFIG apt-config shell list Dir::Etc::sourcelist/f parts Dir::Etc::sourceparts/d)"
    parts="${parts%/}"
  fi
  local -a files=()
  [ -f "$list" ] && files+=("$list")
  local f
  for f in "$parts"/*.list; do [ -f "$f" ] && files+=("$f"); done
  [ "${#files[@]}" -gt 0 ] && awk '
    { sub(/#.*/, "") }
    $1 == "deb" {
      sub(/\[[^]]*\]/, "")              # drop [ options ]
      n = split($0, w, /[ \t]+/); out = ""
      for (i = 2; i <= n; i++) if (w[i] != "") out = out (out == "" ? "" : " ") w[i]
      print out
    }' "${files[@]}"
  files=()
  for f in "$parts"/*.sources; do [ -f "$f" ] && files+=("$f"); done
  [ "${#files[@]}" -gt 0 ] && awk '
    function flush(   nu, ns, u, s, i, j, t, isdeb) {
      isdeb = 0; nt = split(types, t, /[ \t]+/)
      for (i = 1; i <= nt; i++) if (t[i] == "deb") isdeb = 1
      if (isdeb && tolower(enabled) != "no") {
        nu = split(uris, u, /[ \t]+/); ns = split(suites, s, /[ \t]+/)
        for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++)
          if (u[i] != "" && s[j] != "") print u[i], s[j], comps
      }
      types = uris = suites = comps = enabled = key = ""
    }
    FNR == 1 && NR != 1 { flush() }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { val = $0; sub(/^[ \t]+/, "", val); add(key, val); next }
    {
      key = tolower(substr($0, 1, index($0, ":") - 1)); val = substr($0, index($0, ":") + 1)
      sub(/^[ \t]+/, "", val); sub(/[ \t]+$/, "", val); add(key, val)
    }
    function add(k, v) {
      if (k == "types") types = types " " v; else if (k == "uris") uris = uris " " v
      else if (k == "suites") suites = suites " " v; else if (k == "components") comps = comps " " v
      else if (k == "enabled") enabled = v
    }
    END { flush() }' "${files[@]}"
  return 0
}

# Picks the best-ranked URI among the host sources whose suite matches the given kind:
# "archive" (the Debian archive proper) or "security". The host may list third-party
# repositories too; a Debian archive carries "main" and is conventionally served under /debian.
_debian_pick_mirror() {
  local kind="$1" codename=""
  [ -r /etc/os-release ] && codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
  _debian_host_sources | awk -v kind="$kind" -v codename="$codename" '
    {
      uri = $1; suite = $2; main = 0
      for (i = 3; i <= NF; i++) if ($i == "main") main = 1
      if (!main || uri ~ /^cdrom:/) next
      security = (suite ~ /-security$/ || suite ~ /\/updates$/)
      if ((kind == "security") != security) next
      base = suite; sub(/[-\/].*/, "", base)
      rank = 0
      if (base == codename) rank += 2
      if (suite == codename || security) rank += 1
      if (kind == "archive" && uri ~ /\/debian\/?$/) rank += 4
      if (kind == "security" && uri ~ /\/debian-security\/?$/) rank += 4
      if (!(uri in best) || rank > best[uri]) best[uri] = rank
      if (!(uri in order)) order[uri] = NR
    }
    END {
      for (u in best) if (pick == "" || best[u] > best[pick] || (best[u] == best[pick] && order[u] < order[pick])) pick = u
      if (pick != "") { sub(/\/+$/, "", pick); print pick }
    }'
}

debian_mirror() {
  if [ -n "${PULLPROOF_DEBIAN_MIRROR:-}" ]; then
    printf '%s\n' "${PULLPROOF_DEBIAN_MIRROR%/}"
    return 0
  fi
  local m
  m="$(_debian_pick_mirror archive)"
  if [ -z "$m" ]; then
    _debian_err "no Debian archive found in this machine's apt sources (/etc/apt/sources.list," \
      "/etc/apt/sources.list.d/*.list and *.sources); set PULLPROOF_DEBIAN_MIRROR to a Debian mirror URL"
    return 1
  fi
  printf '%s\n' "$m"
}

debian_security_mirror() {
  local s="${PULLPROOF_DEBIAN_SECURITY_MIRROR:-}"
  if [ "$s" = none ]; then return 0; fi
  if [ -n "$s" ]; then printf '%s\n' "${s%/}"; return 0; fi
  # An explicit archive override without a security one means "use only that mirror".
  if [ -n "${PULLPROOF_DEBIAN_MIRROR:-}" ]; then return 0; fi
  _debian_pick_mirror security
}

_debian_check_suite() {
  case "$1" in
    "" | *[!a-z0-9-]* | -*) _debian_err "bad suite name '$1' (expected e.g. bookworm, trixie, sid)"; return 1 ;;
  esac
}

# Directory of a suite's private apt state.
_debian_dir() { printf '%s/debian/%s\n' "$(debian_cache_root)" "$1"; }

# Writes the suite's private apt configuration and sources. Files are rewritten only when
# their content changes, so a changed mirror invalidates the lists (see debian_update).
_debian_setup() {
  local suite="$1" d mirror security
  _debian_check_suite "$suite" || return 1
  d="$(_debian_dir "$suite")"
  mirror="$(debian_mirror)" || return 1
  security="$(debian_security_mirror)" || return 1
  if [ ! -r "$_DEBIAN_KEYRING" ]; then
    _debian_err "$_DEBIAN_KEYRING is missing; install it with: apt-get install debian-archive-keyring"
    return 1
  fi
  mkdir -p "$d"/{lists/partial,archives/partial,cache,sources,empty} || {
    _debian_err "cannot create $d; set PULLPROOF_CACHE to a writable directory"; return 1; }
  : >>"$d/status"

  local suites="$suite"
  case "$suite" in
    sid | unstable | experimental | rc-buggy) ;;
    *) suites="$suite $suite-updates" ;;
  esac
  local sources
  sources="Types: deb
URIs: $mirror
Suites: $suites
Components: main
Signed-By: $_DEBIAN_KEYRING
"
  case "$suite" in
    sid | unstable | experimental | rc-buggy) ;;
    *) [ -n "$security" ] && sources+="
Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: $_DEBIAN_KEYRING
" ;;
  esac

  # Only network behaviour is taken from the host: proxies, and whether expired Release files
  # are accepted (a mirror may serve a frozen snapshot). Its hooks and caches stay out.
  local carried
  carried="$(env -u APT_CONFIG apt-config dump 2>/dev/null |
    grep -E '^Acquire::(Check-Valid-Until|Check-Date|Retries|https?::Proxy)' || true)"
  local conf
  conf="// Private apt configuration for suite $suite; generated by ci/lib/debian.sh.
Dir::Etc::main \"/dev/null\";
Dir::Etc::parts \"$d/empty\";
Dir::Etc::sourcelist \"/dev/null\";
Dir::Etc::sourceparts \"$d/sources\";
Dir::Etc::preferences \"/dev/null\";
Dir::Etc::preferencesparts \"$d/empty\";
Dir::Etc::trustedparts \"$d/empty\";
Dir::State \"$d\";
Dir::State::lists \"$d/lists\";
Dir::State::status \"$d/status\";
Dir::State::extended_states \"$d/extended_states\";
Dir::Cache \"$d/cache\";
Dir::Cache::archives \"$d/archives\";
Dir::Cache::pkgcache \"$d/cache/pkgcache.bin\";
Dir::Cache::srcpkgcache \"\";
Dir::Log \"$d/cache\";
Acquire::Languages \"none\";
Acquire::GzipIndexes \"true\";
APT::Update::Error-Mode \"any\";
APT::Get::List-Cleanup \"true\";
$carried
"
  _debian_write_if_changed "$d/sources/debian.sources" "$sources" || return 1
  _debian_write_if_changed "$d/apt.conf" "$conf" || return 1
}

_debian_write_if_changed() {
  local file="$1" content="$2"
  if [ -f "$file" ] && [ "$(cat "$file")" = "${content%$'\n'}" ]; then return 0; fi
  if ! { printf '%s\n' "${content%$'\n'}" >"$file.tmp" && mv -f "$file.tmp" "$file"; }; then
    _debian_err "cannot write $file"
    return 1
  fi
}

# Runs an apt command against the suite's private state. Call debian_update first.
debian_apt() {
  local suite="$1"; shift
  _debian_check_suite "$suite" || return 1
  APT_CONFIG="$(_debian_dir "$suite")/apt.conf" "$@"
}

# True when the lists were fetched from the current sources less than MAX_AGE seconds ago.
_debian_lists_fresh() {
  local d="$1" stamp="$1/lists.stamp" max="${PULLPROOF_DEBIAN_MAX_AGE:-86400}"
  [ -f "$stamp" ] || return 1
  [ "$stamp" -nt "$d/sources/debian.sources" ] || return 1
  [ "$stamp" -nt "$d/apt.conf" ] || return 1
  [ $(($(date +%s) - $(stat -c %Y "$stamp"))) -lt "$max" ]
}

# Refreshes the suite's private package lists when missing or older than
# PULLPROOF_DEBIAN_MAX_AGE; with "force" as second argument, always.
debian_update() {
  local suite="$1" force="${2:-}" d
  _debian_setup "$suite" || return 1
  d="$(_debian_dir "$suite")"
  if [ "$force" != force ] && _debian_lists_fresh "$d"; then return 0; fi
  _debian_log "refreshing $suite package lists"
  _debian_own_partial "$d"
  if ! debian_apt "$suite" apt-get -qq update; then
    _debian_err "apt-get update failed for suite $suite (messages above); check the mirror" \
      "($(debian_mirror)) is reachable or set PULLPROOF_DEBIAN_MIRROR; on NO_PUBKEY, the suite is" \
      "signed by keys newer than $_DEBIAN_KEYRING: upgrade debian-archive-keyring"
    return 1
  fi
  touch "$d/lists.stamp"
  # Drop downloaded packages the lists no longer offer, so the cache does not grow forever.
  debian_apt "$suite" apt-get -qq autoclean || true
  _DEBIAN_REFRESHED="$suite"
}

# As root, apt downloads as the unprivileged _apt user: let it write where files land, so
# downloads stay sandboxed instead of warning and falling back to root.
_debian_own_partial() {
  local d="$1"
  if [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1; then
    chown _apt "$d/archives" "$d/archives/partial" "$d/lists/partial" 2>/dev/null || true
  fi
}

# Prints "name version arch" for each requested package, as the private lists resolve it.
_debian_resolve() {
  local suite="$1"; shift
  local spec out
  for spec in "$@"; do
    if ! out="$(debian_apt "$suite" apt-cache show --no-all-versions "$spec" 2>&1)" ||
      ! grep -q '^Package:' <<<"$out"; then
      _debian_err "package '$spec' not found in suite $suite: ${out##*E: }"
      return 1
    fi
    awk '/^Package:/{p=$2} /^Version:/{v=$2} /^Architecture:/{a=$2} /^$/{exit}
         END{print p, v, a}' <<<"$out"
  done
}

debian_fetch() (
  # A subshell: the lock descriptor, traps and cd stay inside.
  if [ "$#" -lt 3 ]; then
    _debian_err "usage: debian_fetch SUITE DEST PACKAGE..."; exit 2
  fi
  suite="$1" dest="$(realpath -m "$2")"; shift 2
  _debian_setup "$suite" || exit 1
  d="$(_debian_dir "$suite")"
  exec 9>"$d/lock"
  # One fetch per suite at a time: apt's own locks would make a concurrent one fail.
  flock -w 900 9 || { _debian_err "timed out waiting for $d/lock (another fetch running?)"; exit 1; }
  debian_update "$suite" || exit 1

  # Fast path: same request, unpacked after the current lists were fetched.
  request="$(printf '%s\n' "$@")"
  if [ -f "$dest/.versions" ] && [ "$dest/.versions" -nt "$d/lists.stamp" ] &&
    [ "$(cat "$dest/.request" 2>/dev/null)" = "$request" ] &&
    [ "$(cat "$dest/.suite" 2>/dev/null)" = "$suite" ]; then
    _debian_log "$dest is up to date ($suite: $(paste -sd' ' "$dest/.versions"))"
    exit 0
  fi

  if ! resolved="$(_debian_resolve "$suite" "$@")"; then
    # Lists from an earlier run may miss a package that appeared since: retry once on fresh ones.
    [ "${_DEBIAN_REFRESHED:-}" = "$suite" ] && exit 1
    debian_update "$suite" force || exit 1
    resolved="$(_debian_resolve "$suite" "$@")" || exit 1
  fi
  wanted="$(awk '{print $1 "=" $2}' <<<"$resolved" | LC_ALL=C sort -u)"
  if [ -f "$dest/.versions" ] && [ "$(cat "$dest/.versions")" = "$wanted" ] &&
    [ "$(cat "$dest/.suite" 2>/dev/null)" = "$suite" ]; then
    printf '%s\n' "$request" >"$dest/.request" && touch "$dest/.versions"
    _debian_log "$dest is up to date ($suite: $(paste -sd' ' <<<"$wanted"))"
    exit 0
  fi
  if [ -e "$dest" ] && [ ! -f "$dest/.versions" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
    _debian_err "$dest exists, is not empty and was not made by debian_fetch; remove it or pick another DEST"
    exit 1
  fi

  # apt-get download skips files already in the archive dir with the right checksum.
  _debian_own_partial "$d"
  cd "$d/archives" || exit 1
  mapfile -t pins < <(awk '{print $1 "=" $2}' <<<"$resolved")
  if ! debian_apt "$suite" apt-get -qq download "${pins[@]}"; then
    [ "${_DEBIAN_REFRESHED:-}" = "$suite" ] && { _debian_err "apt-get download failed for suite $suite: ${pins[*]}"; exit 1; }
    _debian_log "download failed; refreshing $suite lists once (the mirror may have moved on)"
    debian_update "$suite" force || exit 1
    resolved="$(_debian_resolve "$suite" "$@")" || exit 1
    wanted="$(awk '{print $1 "=" $2}' <<<"$resolved" | LC_ALL=C sort -u)"
    mapfile -t pins < <(awk '{print $1 "=" $2}' <<<"$resolved")
    debian_apt "$suite" apt-get -qq download "${pins[@]}" || {
      _debian_err "apt-get download failed for suite $suite: ${pins[*]}"; exit 1; }
  fi

  # Unpack next to DEST, then swap, so an interrupted run never leaves a half-filled DEST.
  mkdir -p "$(dirname "$dest")" || exit 1
  tmp="$(mktemp -d "$dest.tmp.XXXXXX")" || { _debian_err "cannot create a directory next to $dest"; exit 1; }
  trap 'rm -rf "$tmp"' EXIT
  while read -r name version arch; do
    # apt-get download names files name_version_arch.deb with the epoch colon escaped.
    deb="$d/archives/${name}_${version//:/%3a}_${arch}.deb"
    [ -f "$deb" ] || { _debian_err "downloaded file not found: $deb"; exit 1; }
    dpkg-deb -x "$deb" "$tmp" || { _debian_err "dpkg-deb -x failed on $deb (corrupt? delete it and retry)"; exit 1; }
  done <<<"$resolved"
  printf '%s\n' "$wanted" >"$tmp/.versions"
  printf '%s\n' "$suite" >"$tmp/.suite"
  printf '%s\n' "$request" >"$tmp/.request"
  chmod 755 "$tmp"
  if ! { rm -rf "$dest" && mv "$tmp" "$dest"; }; then _debian_err "cannot replace $dest"; exit 1; fi
  trap - EXIT
  _debian_log "unpacked into $dest ($suite: $(paste -sd' ' <<<"$wanted"))"
)
