#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The short fuzz run of the default suite: builds the libFuzzer binary with clang (when there is
# one) and runs each target (the HCX response parsers json, vm-page and migration-page, the simulator's
# sim-request, the plan-file loader) for FERRY_FUZZ_SECONDS (default 6) from the seed corpus, in
# a scratch corpus of its own. Without clang the test is skipped, and says so. Long runs:
# build-aux/fuzz. Speaks TAP.
#   run-short.sh SOURCE_ROOT BUILD_ROOT
set -u
src=$1
build=$2
seconds=${FERRY_FUZZ_SECONDS:-6}
targets="json vm-page migration-page sim-request plan-file"
cc=$(command -v clang || true)
if [ -z "$cc" ]; then
  echo "1..0 # SKIP clang is not installed: the fuzz targets need clang's libFuzzer"
  exit 0
fi
bin=$build/tests/fuzz/fuzz-ferry
echo "1..6"
if "$src/tests/fuzz/build-fuzzer.sh" "$src" "$build" "$bin" "$cc" >"$build/tests/fuzz/build.log" 2>&1
then
  echo "ok 1 fuzz-ferry built with $cc"
else
  sed 's/^/# /' "$build/tests/fuzz/build.log"
  echo "not ok 1 fuzz-ferry did not build with $cc"
  n=1
  for target in $targets; do
    n=$((n + 1))
    echo "not ok $n $target # not built"
  done
  exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=1
status=0
for target in $targets; do
  n=$((n + 1))
  mkdir -p "$scratch/$target"
  log=$scratch/$target.log
  if (cd "$scratch" && FERRY_FUZZ_TARGET=$target "$bin" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        "$scratch/$target" "$src/tests/fuzz/corpus/$target") >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "ok $n $target: ${execs:-?} executions in ${seconds} s, no crash, no failed check"
  else
    tail -n 40 "$log" | sed 's/^/# /'
    echo "not ok $n $target: a crash or a failed check (the input is in the log above)"
    status=1
  fi
done
exit $status
