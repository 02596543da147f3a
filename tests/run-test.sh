#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one test binary in the environment Ferry's tests need, so that plain `meson test`
# never touches the user's own display, session bus, keyring, settings or home directory:
#
#   run-test.sh --plain|--keyring|--nokeyring BINARY [ARGS...]
#
#   * isolated HOME and XDG directories in a temporary folder, removed afterwards;
#   * a private D-Bus session bus whose configuration activates no services;
#   * --keyring: a gnome-keyring-daemon on that bus, unlocked with a throw-away password;
#     --nokeyring: no Secret Service at all (the fallback path);
#   * an Xvfb display, unless the caller already provides a private one
#     (FERRY_TEST_DISPLAY_READY=1, as build-aux/test does);
#   * $FERRY_TEST_WRAPPER (for example valgrind, from the `valgrind` test setup) in front
#     of the binary.
#
# Something missing (xvfb-run, dbus-run-session, gnome-keyring-daemon) is a failure under the
# test script (FERRY_TEST_STRICT=1 or FERRY_TEST_DISPLAY_READY=1, as build-aux/test and CI run),
# and a TAP skip saying what is missing otherwise.
set -eu

mode=${1:?usage: run-test.sh --plain|--keyring|--nokeyring BINARY [ARGS...]}
shift
here=$(cd "$(dirname "$0")" && pwd)

strict=0
if [ "${FERRY_TEST_STRICT:-}" = 1 ] || [ "${FERRY_TEST_DISPLAY_READY:-}" = 1 ]; then strict=1; fi

# missing WHAT — ends the test: a failure in strict mode, a skip otherwise; both say why.
missing() {
  if [ $strict = 1 ]; then
    echo "Bail out! run-test.sh: $1 (under the test script that is a failure)"
    echo "run-test.sh: $1" >&2
    exit 1
  fi
  echo "1..0 # SKIP $1"
  exit 0
}

# require COMMAND PACKAGE — the test cannot run without COMMAND.
require() {
  command -v "$1" >/dev/null 2>&1 || missing "$1 is not installed (apt-get install $2)"
}

if [ "${FERRY_TEST_INNER:-}" != 1 ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-test.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT INT TERM
  mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/run"
  chmod 700 "$tmp/run"
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run" FERRY_TEST_TMPDIR="$tmp"
  export FERRY_TEST_INNER=1
  set -- "$mode" "$@"
  require dbus-run-session dbus-bin
  [ "$mode" = --keyring ] && require gnome-keyring-daemon gnome-keyring
  # Strict: a display is the script's to provide (its own Xvfb) or ours (xvfb-run).
  [ $strict = 1 ] && [ "${FERRY_TEST_DISPLAY_READY:-}" != 1 ] && require xvfb-run "xvfb xauth"
  if [ "${FERRY_TEST_DISPLAY_READY:-}" != 1 ] && command -v xvfb-run >/dev/null 2>&1; then
    # xvfb-run -a picks a free display number; never hard-code one.
    xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
      dbus-run-session --config-file="$here/dbus-session.conf" -- "$0" "$@"
  else
    dbus-run-session --config-file="$here/dbus-session.conf" -- "$0" "$@"
  fi
  exit $?
fi

# Inside the private session.
case "$mode" in
  --keyring)
    # Unlock before the first libsecret call, or a prompt waits on an invisible screen.
    printf %s ferry-test-keyring | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null ||
      missing "gnome-keyring-daemon did not start on the private bus"
    gdbus wait --session --timeout 10 org.freedesktop.secrets ||
      missing "no keyring (org.freedesktop.secrets) appeared on the private bus within 10 s"
    # This bus's own daemon, to end after the test (other tests may run theirs in parallel).
    keyring_pid=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets |
      tr -dc '0-9 ' | awk '{print $NF}')
    ;;
  --nokeyring)
    if gdbus introspect --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets >/dev/null 2>&1; then
      echo "run-test.sh: a Secret Service answers on the private bus; the no-keyring test cannot run" >&2
      exit 1
    fi
    ;;
  --plain) ;;
  *) echo "run-test.sh: unknown mode $mode" >&2; exit 2 ;;
esac

status=0
# The wrapper (valgrind) is for our binaries, not for a test written as a shell script.
case "$(head -c 2 "$1" 2>/dev/null)" in '#!') FERRY_TEST_WRAPPER= ;; esac
# shellcheck disable=SC2086 # FERRY_TEST_WRAPPER is a command line on purpose
${FERRY_TEST_WRAPPER:-} "$@" || status=$?
if [ -n "${keyring_pid:-}" ]; then
  kill "$keyring_pid" 2>/dev/null || true
fi
exit $status
