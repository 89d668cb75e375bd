#!/bin/sh
# The container's command: wait for the database (bounded), migrate, then serve.
# `exec` makes uvicorn replace this shell, so `docker stop`'s SIGTERM reaches it and it shuts
# down gracefully instead of being killed when the stop timeout runs out.
#
# DATABASE_WAIT_SECONDS  how long to wait for the database before giving up (60)
# HOST, PORT             where uvicorn listens (0.0.0.0, 8000)
# WEB_CONCURRENCY        uvicorn worker processes (2); each has its own connection pool
# FORWARDED_ALLOW_IPS    proxies trusted for X-Forwarded-For/-Proto (127.0.0.1); set it to
#                        your load balancer's address
set -eu
cd "$(dirname "$0")/.."

python -m app.db.wait --seconds "${DATABASE_WAIT_SECONDS:-60}"
alembic upgrade head
exec uvicorn app.main:app \
    --host "${HOST:-0.0.0.0}" \
    --port "${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --proxy-headers \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
