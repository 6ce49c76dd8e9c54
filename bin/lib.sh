# Shared by bin/vigil and bin/test-all: find the project, a JDK 17+ and Maven, installing them
# from Debian's packages when we are root and they are missing.
# shellcheck shell=bash

VIGIL_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

vigil_log() { printf 'vigil: %s\n' "$*" >&2; }

# apt_install PKG... : install missing Debian packages when root; returns 1 when it cannot.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    vigil_log "missing Debian packages (not root, so not installing): ${missing[*]}"
    return 1
  fi
  vigil_log "installing Debian packages: ${missing[*]}"
  if [ -z "${VIGIL_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    export VIGIL_APT_UPDATED=1
  fi
  # policy-rc.d keeps packages such as heartbeat or mariadb from starting daemons in the main
  # namespace while they install (reference P10); tests start what they need themselves.
  local policy=/usr/sbin/policy-rc.d created=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  local rc=$?
  [ -n "$created" ] && rm -f "$policy"
  # On a host run by systemd, make sure no packaged daemon (heartbeat, mariadb) runs in the main
  # namespace: tests start their own, inside namespaces or on private ports.
  if [ -d /run/systemd/system ]; then
    for unit in heartbeat mariadb; do
      systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  fi
  return $rc
}

# ensure_toolchain: JAVA_HOME points at a JDK 17+ and mvn is on PATH.
ensure_toolchain() {
  if ! command -v javac >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    apt_install openjdk-17-jdk-headless maven || {
      vigil_log "Vigil needs a JDK 17+ and Maven: apt-get install openjdk-17-jdk-headless maven"
      exit 1
    }
  fi
  if [ -z "${JAVA_HOME:-}" ]; then
    if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
      export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
    else
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
      export JAVA_HOME
    fi
  fi
}
