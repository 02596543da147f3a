#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The two executables as a user meets them (TAP):
#   ferry-hcx-sim prints its URL, certificate fingerprint, user and password, serves HTTPS with
#   exactly that certificate, and documents its options; ferry documents --simulator and
#   accepts a server address.
#   test-cli.sh FERRY FERRY_HCX_SIM
set -u
ferry=${1:?usage: test-cli.sh FERRY FERRY_HCX_SIM}
sim=${2:?usage: test-cli.sh FERRY FERRY_HCX_SIM}
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

tmp=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# --- ferry-hcx-sim --help documents the options the README and issue promise ---
"$sim" --help >"$tmp/help" 2>&1
for opt in --port --vms --seed --speed --user --password --config --inventory --latency \
           --error-rate --session-timeout --real-omissions /__sim/reset /__sim/faults /__sim/clock \
           /__sim/services /__sim/quirks realOmissions; do
  check "ferry-hcx-sim --help documents $opt" "grep -q -- '$opt' '$tmp/help'"
done

# --- it starts, says where and with which certificate -------------------------------------
"$sim" --port 0 --ephemeral-cert --vms 5000 --seed 7 --user tester@vsphere.local \
  --password 'S3cret!' >"$tmp/out" 2>&1 &
sim_pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'Password:' "$tmp/out"; do sleep 0.1; i=$((i + 1)); done
check "ferry-hcx-sim prints its banner" "grep -q 'Password:' '$tmp/out'"
url=$(awk '$1 == "URL:" {print $2}' "$tmp/out")
printed_fp=$(awk '$1 == "Certificate:" {print $3}' "$tmp/out")
check "the URL is https on 127.0.0.1" "echo '$url' | grep -Eq '^https://127\.0\.0\.1:[0-9]+$'"
check "the user and password given are printed" \
  "grep -q 'tester@vsphere.local' '$tmp/out' && grep -q 'S3cret!' '$tmp/out'"
check "the inventory is 5000 VMs, seed 7" "grep -q '5000 generated VMs, seed 7' '$tmp/out'"

port=${url##*:}
served_fp=$(echo | openssl s_client -connect "127.0.0.1:$port" 2>/dev/null |
  openssl x509 -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//')
check "the certificate served has the printed SHA-256 fingerprint ($printed_fp)" \
  "[ -n '$served_fp' ] && [ '$served_fp' = '$printed_fp' ]"
kill "$sim_pid" 2>/dev/null
wait "$sim_pid" 2>/dev/null

# --- --real-omissions is taken and said ----------------------------------------------------
"$sim" --port 0 --ephemeral-cert --vms 10 --real-omissions >"$tmp/lean" 2>&1 &
sim_pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'Password:' "$tmp/lean"; do sleep 0.1; i=$((i + 1)); done
check "ferry-hcx-sim --real-omissions says its answers are lean" \
  "grep -q 'real-omissions' '$tmp/lean'"
kill "$sim_pid" 2>/dev/null
wait "$sim_pid" 2>/dev/null

# --- ferry's own command line ------------------------------------------------------------
"$ferry" --help >"$tmp/fhelp" 2>&1
check "ferry --help documents --simulator" "grep -q -- '--simulator' '$tmp/fhelp'"
check "ferry --help names the server argument" "grep -q 'https://SERVER' '$tmp/fhelp'"
"$ferry" --version >"$tmp/fversion" 2>&1
check "ferry --version prints the version" "grep -Eq '[0-9]+\.[0-9]+\.[0-9]+' '$tmp/fversion'"

echo "1..$n"
[ $failed -eq 0 ]
