# shellcheck shell=bash
# Sourced library of the benchmarks (ci/bench, ci/bench-registry): installing a Debian server
# package without letting it start its service, and finding a free loopback port.

# Installs PACKAGE through the host's apt unless BINARY is already there, with Debian's
# policy-rc.d switch set for the duration so the package's scripts start no service (docker-registry
# would listen on :5000, nginx on :80, for everyone on the machine), then disables the service at
# boot. Needs root only when something must be installed. Returns 1 with a message on failure.
bench_apt_install() {
  local package="$1" binary="$2" created="" status=0
  [ -x "$binary" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "bench: $binary is missing; run as root or 'apt-get install $package'" >&2
    return 1
  fi
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && created=1
  fi
  local apt=(apt-get -qq -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$(apt-cache madison "$package" 2>/dev/null)" ]; then
    echo "bench: updating the host's package lists (they do not know $package)" >&2
    "${apt[@]}" update || status=1
  fi
  if [ "$status" = 0 ]; then
    echo "bench: installing $package (its service kept stopped and disabled)" >&2
    "${apt[@]}" install -y "$package" >/dev/null ||
      { "${apt[@]}" update && "${apt[@]}" install -y "$package" >/dev/null; } || status=1
  fi
  [ -n "$created" ] && rm -f /usr/sbin/policy-rc.d
  if [ "$status" != 0 ]; then
    echo "bench: apt-get install $package failed (messages above)" >&2
    return 1
  fi
  local service="${3:-$package}"
  update-rc.d "$service" disable >/dev/null 2>&1 || true
  if [ -d /run/systemd/system ]; then
    systemctl disable --now "$service.service" >/dev/null 2>&1 || true
  elif command -v deb-systemd-helper >/dev/null 2>&1; then
    deb-systemd-helper disable "$service.service" >/dev/null 2>&1 || true
  fi
  [ -x "$binary" ] || { echo "bench: $package installed but $binary is missing" >&2; return 1; }
}

# Prints a port nobody listens on at 127.0.0.1; the range avoids the ephemeral ports clients use.
bench_free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "bench: no free port found on 127.0.0.1" >&2
  return 1
}
