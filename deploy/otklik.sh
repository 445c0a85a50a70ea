#!/bin/sh
# `otklik <command>` on a server installed as in the README ("Install for production"): runs the deployed CLI as the
# service user with the service's settings. Install: sudo install -m 755 deploy/otklik.sh /usr/local/bin/otklik
# Then, e.g.: sudo otklik init …   sudo otklik config   sudo otklik backup /var/backups/otklik/otklik.dump
set -eu
ENV_FILE=${OTKLIK_ENV_FILE:-/etc/otklik/otklik.env}
APP_DIR=${OTKLIK_APP_DIR:-/opt/otklik}
if [ "$(id -u)" != 0 ]; then
  echo "otklik: run it with sudo (it reads $ENV_FILE and switches to the otklik user)" >&2
  exit 1
fi
set -a
. "$ENV_FILE"
set +a
exec setpriv --reuid=otklik --regid=otklik --init-groups -- node "$APP_DIR/dist/otklik.mjs" "$@"
