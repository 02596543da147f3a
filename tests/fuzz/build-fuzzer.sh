#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer binary for the HCX response parsers with clang, straight from the sources
# it needs (core's models and hcx's JSON code, nothing with I/O), so that the default (gcc)
# build can run it too. Rebuilds only when a source is newer than the binary.
#   build-fuzzer.sh SOURCE_ROOT BUILD_ROOT OUTPUT [CLANG]
set -eu
src=$1
build=$2
out=$3
cc=${4:-clang}
sources="$src/tests/fuzz/fuzz-hcx.c $src/src/hcx/ferry-hcx-json.c
  $src/src/hcx/ferry-hcx-json-inventory.c $src/src/hcx/ferry-hcx-json-mobility.c
  $src/src/hcx/ferry-hcx-vm-page.c $src/src/hcx/ferry-hcx-json-lexer.c $src/src/hcx/ferry-hcx-error.c
  $src/src/core/*.c"
if [ -x "$out" ]; then
  newer=$(find $sources "$src/src/hcx" "$src/src/core" -newer "$out" -name '*.[ch]' | head -n 1)
  [ -z "$newer" ] && exit 0
fi
mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2046,SC2086
"$cc" -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DG_LOG_USE_STRUCTURED -I"$build" -I"$src/src/core" -I"$src/src/hcx" \
  $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) \
  $sources -o "$out.tmp" \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0) -lm
mv "$out.tmp" "$out"
