#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-startup.sh FERRY HUNG_KEYRING [FLOORS_DIR]: exec -> first frame painted, Ferry beside the floor
# (bare_adw: an AdwApplication with one window, ../shared/floors) in the same run, alternating,
# $FERRY_BENCH_ROUNDS (default 10) of each, medians and ranges, and the ratio (goal <= 1.15x). Timed by the
# floors' ff_shim.so (LD_PRELOAD; it ends the process at the first painted frame) and spawn_t0.
#
# Run through run-test.sh --plain (Xvfb, a private D-Bus with no keyring, isolated HOME), as
# `meson test --benchmark bench-startup` does. Ferry is timed three ways:
#   no keyring            nothing answers org.freedesktop.secrets
#   20 saved connections  read from a keyfile settings backend on disk
#   hung keyring          a Secret Service that never answers (bench-hung-keyring), plus the 20
# Without the floors built (`ninja -C build floors`) it says so and times Ferry alone.
set -eu
ferry=${1:?usage: bench-startup.sh FERRY HUNG_KEYRING [FLOORS_DIR]}
hung=${2:?usage: bench-startup.sh FERRY HUNG_KEYRING [FLOORS_DIR]}
floors=${FERRY_FLOORS_DIR:-${3:-$(cd "$(dirname "$ferry")/.." && pwd)/floors}}
runs=${FERRY_BENCH_ROUNDS:-10}
export GDK_BACKEND=x11 GSK_RENDERER=cairo
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-startup.XXXXXX")
hung_pid=
cleanup() {
  [ -n "$hung_pid" ] && kill "$hung_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

if [ ! -x "$floors/spawn_t0" ] || [ ! -f "$floors/ff_shim.so" ]; then
  echo "# the floors are not built in $floors: no first-frame timer, start-up benchmark SKIPPED"
  echo "# (ninja -C build floors; needs libyajl-dev)"
  exit 0
fi
have_floor=1
[ -x "$floors/bare_adw" ] || { have_floor=0; echo "# bare_adw is not built: comparison SKIPPED"; }

# first_frame PROGRAM [ARGS]: prints "WALL CPU": exec -> first frame in ms, and the process CPU
# time up to then (the shim ends the process at its first frame; CPU is steadier than wall time
# on a shared machine; -1 without python3), or "fail".
first_frame() {
  if command -v python3 >/dev/null 2>&1; then
    out=$(timeout 30 python3 -c '
import os, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = p.stderr.read()
_, status, ru = os.wait4(p.pid, 0)
sys.stdout.write(err.decode(errors="replace"))
print("CPU %.1f" % ((ru.ru_utime + ru.ru_stime) * 1000))
' "$floors/spawn_t0" env LD_PRELOAD="$floors/ff_shim.so" "$@" 2>/dev/null) || true
  else
    out=$(timeout 30 "$floors/spawn_t0" env LD_PRELOAD="$floors/ff_shim.so" "$@" 2>&1 >/dev/null) || true
  fi
  ms=$(printf '%s\n' "$out" | sed -n 's/.*first_frame_ms=\([0-9.]*\).*/\1/p' | head -1)
  cpu=$(printf '%s\n' "$out" | sed -n 's/^CPU \([0-9.]*\)$/\1/p' | head -1)
  if [ -n "$ms" ]; then echo "$ms ${cpu:--1}"; else echo fail; fi
}

# stats FILE: "median min max" of the numbers in FILE.
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-1 -1 -1"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'
}

# 20 saved connections in a keyfile settings backend (what a user's dconf would hold).
mkdir -p "$tmp/settings-20/glib-2.0/settings"
{
  printf '[io/github/ferry_hcx/Ferry]\nconnections=['
  i=1
  while [ $i -le 20 ]; do
    [ $i -gt 1 ] && printf ', '
    printf "{'id': 'saved-%d', 'server': 'hcx%02d.example.com', 'user': 'cloudadmin@vsphere.local', 'fingerprint': '%s'}" \
      $i $i "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:$i"
    i=$((i + 1))
  done
  printf ']\n'
} > "$tmp/settings-20/glib-2.0/settings/keyfile"

# compare LABEL FERRY_FILE FLOOR_FILE UNIT: one line with medians, ranges and the ratio.
compare() {
  set -- "$1" "$4" $(stats "$2") $(stats "$3")
  label=$1 unit=$2 fm=$3 fmin=$4 fmax=$5 lm=$6 lmin=$7 lmax=$8
  if [ "$fm" = -1.0 ]; then
    echo "$label: Ferry not measured"
  elif [ $have_floor = 1 ] && [ "$lm" != -1.0 ]; then
    awk -v label="$label" -v u="$unit" -v fm="$fm" -v fmin="$fmin" -v fmax="$fmax" -v lm="$lm" \
      -v lmin="$lmin" -v lmax="$lmax" -v runs="$runs" 'BEGIN {
        r = fm / lm
        printf "%s: Ferry %.1f %s (%.1f-%.1f), bare_adw %.1f %s (%.1f-%.1f), %d+%d runs: %.2fx (goal <= 1.15x) %s\n",
          label, fm, u, fmin, fmax, lm, u, lmin, lmax, runs, runs, r, r <= 1.15 ? "MET" : "NOT MET" }'
  else
    echo "$label: Ferry $fm $unit ($fmin-$fmax), $runs runs; floor not measured, comparison SKIPPED"
  fi
}

# measure NAME SETUP...: RUNS alternating runs of bare_adw and Ferry under an environment.
measure() {
  name=$1
  shift
  : > "$tmp/ferry.txt"
  : > "$tmp/floor.txt"
  : > "$tmp/ferry-cpu.txt"
  : > "$tmp/floor-cpu.txt"
  n=0
  while [ $n -lt "$runs" ]; do
    if [ $have_floor = 1 ]; then
      f=$(first_frame env "$floors/bare_adw")
      if [ "$f" != fail ]; then
        echo "${f% *}" >> "$tmp/floor.txt"
        [ "${f#* }" != -1 ] && echo "${f#* }" >> "$tmp/floor-cpu.txt"
      fi
    fi
    f=$(first_frame env "$@" "$ferry")
    if [ "$f" != fail ]; then
      echo "${f% *}" >> "$tmp/ferry.txt"
      [ "${f#* }" != -1 ] && echo "${f#* }" >> "$tmp/ferry-cpu.txt"
    else
      echo "# $name: run $n failed"
    fi
    n=$((n + 1))
  done
  compare "exec -> first frame, $name" "$tmp/ferry.txt" "$tmp/floor.txt" ms
  [ -s "$tmp/ferry-cpu.txt" ] &&
    compare "process CPU to first frame, $name" "$tmp/ferry-cpu.txt" "$tmp/floor-cpu.txt" ms
  return 0
}

# One unmeasured run of each first: the first exec of a program reads its libraries from disk.
first_frame env "$floors/bare_adw" > /dev/null
first_frame env GSETTINGS_BACKEND=memory "$ferry" > /dev/null

measure "no keyring" GSETTINGS_BACKEND=memory
measure "20 saved connections" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/settings-20"

"$hung" > "$tmp/hung.out" &
hung_pid=$!
i=0
while ! grep -q ready "$tmp/hung.out" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
measure "hung keyring, 20 saved connections" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/settings-20"
