#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The rooms stack one way (src/README.md): core includes nothing from hcx, service, ui or an I/O
# library; hcx nothing from service or ui; service nothing from ui; nothing outside ui includes
# GTK or a ui header; sim shares no header with the client. The meson include directories
# already make most of these fail to compile; this names the offending line when one slips in.
set -eu
top=${1:?usage: check-rooms.sh SOURCE_ROOT}
cd "$top/src"
status=0
headers() { (cd "$1" && ls ./*.h 2>/dev/null | sed 's|^\./||'); }
core_h=$(headers core); hcx_h=$(headers hcx); service_h=$(headers service)
ui_h=$(headers ui); sim_h=$(headers sim)

# forbid ROOM WHAT HEADER...: ROOM's sources may not include any HEADER.
forbid() {
  room=$1; what=$2; shift 2
  for h in "$@"; do
    hits=$(grep -nE "#include +[<\"]$h[>\"]" "$room"/*.c "$room"/*.h 2>/dev/null || true)
    if [ -n "$hits" ]; then
      echo "src/$room includes $what ($h), a room it must not see:"
      echo "$hits" | sed 's/^/  /'
      status=1
    fi
  done
}
# shellcheck disable=SC2086 # word lists on purpose
{
  forbid core "the wire" $hcx_h
  forbid core "a service" $service_h
  forbid core "the UI" $ui_h
  forbid core "the simulator" $sim_h
  forbid core "an I/O library" 'libsoup/soup.h' 'libsecret/secret.h' 'json-glib/json-glib.h' \
    'gtk/gtk.h' 'adwaita.h' 'gnutls/gnutls.h'
  forbid hcx "a service" $service_h
  forbid hcx "the UI" $ui_h
  forbid hcx "the simulator" $sim_h
  forbid hcx "GTK" 'gtk/gtk.h' 'adwaita.h'
  forbid service "the UI" $ui_h
  forbid service "the simulator" $sim_h
  forbid service "GTK" 'gtk/gtk.h' 'adwaita.h'
  forbid sim "the client's domain" $core_h
  forbid sim "the wire" $hcx_h
  forbid sim "a service" $service_h
  forbid sim "the UI" $ui_h
  forbid sim "GTK" 'gtk/gtk.h' 'adwaita.h'
}
[ $status -eq 0 ] && echo "ok: every include points down (core < hcx < service < ui; sim apart)"
exit $status
