#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL cluster: initdb into a temporary folder, start
# it on 127.0.0.1 (a free port, its unix socket in that folder), export its address as
# MATCHNOTES_TEST_POSTGRES_URL, run the command, then stop the cluster and delete it.
#   scripts/with_postgres.sh pytest          # the suite on SQLite and PostgreSQL
# Needs Debian's postgresql package (binaries in /usr/lib/postgresql/*/bin) or initdb on PATH.
# initdb refuses to run as root: as root the cluster runs as the `postgres` user (or `nobody`).
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ]; then bin="$(dirname "$(command -v initdb)")"; fi
dir="$(mktemp -d -t matchnotes-pg-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as=()
if [ "$(id -u)" = 0 ]; then
  user=postgres; id "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$dir"
  as=(runuser -u "$user" --)
else
  user="$(id -un)"
fi
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U matchnotes --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A test cluster: durability is not wanted here, speed is (each test creates a database).
if ! "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
  "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null; then
  echo "PostgreSQL did not start:" >&2; cat "$dir/log" >&2; exit 1
fi
export MATCHNOTES_TEST_POSTGRES_URL="postgresql://matchnotes@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (as $user, $dir)"
"$@"
