"""Run a command against TEST_DATABASE_URL's PostgreSQL, starting a throwaway one if none answers.

Usage (from apps/backend): python -m scripts.with_test_postgres COMMAND [ARG ...]

If a server answers at the URL's host and port, the command simply runs. If none does and the
PostgreSQL server binaries are installed, a temporary cluster is created (as the unprivileged
`postgres` user when running as root, since PostgreSQL refuses root), listening on 127.0.0.1 only,
and TEST_DATABASE_URL is pointed at it for the command; the cluster is removed afterwards.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import psycopg
from sqlalchemy.engine import URL, make_url

CHILD_ENV = dict(os.environ)
os.environ.setdefault("SECRET_KEY", "placeholder: this process only reads TEST_DATABASE_URL")
os.environ["ENVIRONMENT"] = "test"

from app.core.config import settings  # noqa: E402  (after the environment above)


def fail(message: str) -> NoReturn:
    print(f"with_test_postgres: {message}", file=sys.stderr)
    raise SystemExit(1)


def server_answers(url: URL) -> bool:
    try:
        with psycopg.connect(
            host=url.host or "localhost",
            port=url.port or 5432,
            user=url.username or "postgres",
            password=url.password,
            dbname="postgres",
            connect_timeout=3,
        ):
            return True
    except psycopg.OperationalError:
        return False


def find_server_binaries() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_postgres_user(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root; drop to the `postgres` user when we are root."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser") is None:
        fail("running as root needs `runuser` to start PostgreSQL as the postgres user")
    return ["runuser", "-u", "postgres", "--", *command]


def run_with_throwaway_cluster(url: URL, binaries: Path, command: list[str]) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="training-tracker-pg-"))
    data, port = workdir / "data", free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, user="postgres")
    run = {"check": True, "stdout": subprocess.DEVNULL, "timeout": 120}
    try:
        subprocess.run(
            as_postgres_user(
                [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
            ),
            **run,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir}"
        subprocess.run(
            as_postgres_user(
                [
                    str(binaries / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    str(workdir / "server.log"),
                    "start",
                ]
            ),
            **run,
        )
        print(f"with_test_postgres: started a throwaway PostgreSQL on 127.0.0.1:{port}")
        test_url = url.set(host="127.0.0.1", port=port, username="postgres", password=None)
        env = CHILD_ENV | {"TEST_DATABASE_URL": test_url.render_as_string(hide_password=False)}
        return subprocess.run(command, env=env, check=False).returncode
    finally:
        subprocess.run(
            as_postgres_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
        shutil.rmtree(workdir, ignore_errors=True)


def main(command: list[str], test_database_url: str | None = None) -> int:
    if not command:
        fail("usage: python -m scripts.with_test_postgres COMMAND [ARG ...]")
    url = make_url(test_database_url or settings.test_database_url)
    if url.get_backend_name() != "postgresql" or server_answers(url):
        return subprocess.run(command, env=CHILD_ENV, check=False).returncode
    binaries = find_server_binaries()
    if binaries is None:
        fail(
            f"no PostgreSQL answers at {url.host}:{url.port or 5432} and no initdb/pg_ctl is "
            "installed; start a server or set TEST_DATABASE_URL"
        )
    return run_with_throwaway_cluster(url, binaries, command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
