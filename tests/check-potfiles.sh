#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source, .ui and data file with translatable strings must be listed in po/POTFILES.in,
# and every file listed there must exist.
set -eu
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
found=$( { grep -rlE '\b(N?_|C_|NC_) ?\("' --include='*.c' src 2>/dev/null || true
           grep -rl 'translatable="yes"' --include='*.ui' src 2>/dev/null || true; } | sort -u)
for f in $found; do
  echo "$listed" | grep -qxF "$f" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done
[ $status -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $status
