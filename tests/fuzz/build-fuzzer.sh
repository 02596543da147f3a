#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer binary (fuzz-ferry: the HCX response parsers, the simulator's request
# parsers, the plan file loader) with clang, straight from the sources it needs (listed in
# tests/fuzz/sources.txt, which tests/fuzz/meson.build reads too, plus the core models), so that
# the default (gcc) build can run it too. Rebuilds only when a source is newer than the binary.
#   build-fuzzer.sh SOURCE_ROOT BUILD_ROOT OUTPUT [CLANG]
set -eu
src=$1
build=$2
out=$3
cc=${4:-clang}
sources=$(sed -e '/^#/d' -e '/^[[:space:]]*$/d' -e "s|^|$src/|" "$src/tests/fuzz/sources.txt")
sources="$sources $src/src/core/*.c"
if [ -x "$out" ]; then
  # shellcheck disable=SC2086
  newer=$(find $sources "$src/tests/fuzz" "$src/src/hcx" "$src/src/core" "$src/src/sim" \
    "$src/src/service" -newer "$out" -name '*.[ch]' | head -n 1)
  [ -z "$newer" ] && exit 0
fi
mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2046,SC2086
"$cc" -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DG_LOG_USE_STRUCTURED -I"$build" -I"$src/src/core" -I"$src/src/hcx" -I"$src/src/sim" \
  -I"$src/src/service" \
  $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) \
  $sources -o "$out.tmp" \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) -lm
mv "$out.tmp" "$out"
