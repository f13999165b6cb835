#!/usr/bin/env bash
# A local mail server for the site's inquiries: exim on 127.0.0.1 (port 2525 unless
# --port says otherwise), without root, accepting mail for any address and delivering it
# into target/mail/Maildir/new, one file a message (open one with any mail reader, or read
# it as text). Configuration: tools/exim/exim.conf.in; exim's log is in target/mail/log/.
# Runs until Ctrl-C or TERM. scripts/serve.sh starts it for the endpoint.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=2525
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mailserver.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
exim=/usr/sbin/exim4
[ -x "$exim" ] || { echo "exim4 is missing: run scripts/setup.sh" >&2; exit 1; }
dir="$root/target/mail"
mkdir -p "$dir/spool" "$dir/log" "$dir/Maildir"
run=()
if [ "$(id -u)" -eq 0 ]; then
  # As root, exim runs as its own package's user, never as root.
  user=Debian-exim group=Debian-exim
  chown -R "$user:$group" "$dir"
  run=(setpriv --reuid="$user" --regid="$group" --clear-groups)
else
  user="$(id -un)" group="$(id -gn)"
fi
sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user|g" -e "s|@GROUP@|$group|g" -e "s|@TLS@||" \
  "$root/tools/exim/exim.conf.in" > "$dir/exim.conf"
[ "$(id -u)" -ne 0 ] || chown "$user:$group" "$dir/exim.conf"
echo "Mail server on 127.0.0.1:$port; messages arrive in $dir/Maildir/new"
exec "${run[@]}" "$exim" -C "$dir/exim.conf" -bdf -odi
