# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: install what is missing, configure, compile.
# Sourced, not run.

FERRY_TOP=$(cd "$(dirname "$0")/.." && pwd)

# Debian 12 packages Ferry needs to build, run and test.
FERRY_BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libgnutls28-dev glib-networking
  libgsf-1-dev libxml2-dev libcsv-dev
  desktop-file-utils appstream adwaita-icon-theme hicolor-icon-theme fonts-cantarell"
FERRY_TEST_PACKAGES="xvfb xauth dbus dbus-bin gnome-keyring procps imagemagick openssl at-spi2-core
  libxlsxwriter-dev"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ferry_install PACKAGE... — installs the Debian packages that are not installed yet.
ferry_install() {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Missing packages:$missing — install them as root (apt-get install$missing)." >&2
    exit 1
  fi
  say "Installing missing Debian packages:$missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# ferry_build BUILDDIR [MESON_OPTION...] — configures BUILDDIR once, then compiles.
ferry_build() {
  dir=$1; shift
  log=$(mktemp)
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
  else
    say "Configuring $dir"
    meson setup "$dir" "$FERRY_TOP" "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
  fi
  say "Compiling"
  # Quiet when it works; the whole compiler output when it does not.
  meson compile -C "$dir" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}
