"""scripts/start.sh, the image's command: wait for the database, migrate, serve; or give up clearly.

It runs here exactly as in the container, against an empty database beside the test database.
"""

import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.core.config import require_test_database
from tests.commands import BACKEND_DIR
from tests.database import alembic_config
from tests.live_server import (
    answers,
    call,
    free_port,
    running_server,
    server_env,
)

START_SCRIPT = str(BACKEND_DIR / "scripts" / "start.sh")
PRODUCTION_KEY = secrets.token_urlsafe(48)


@pytest.fixture
def empty_database_url(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """A new, empty `_test` database on the test database's server, dropped afterwards."""
    if engine.url.get_backend_name() == "sqlite":
        yield require_test_database(f"sqlite:///{tmp_path / 'start_script_test.db'}")
        return
    name = f"{engine.url.database}".removesuffix("_test") + "_start_script_test"
    url = require_test_database(engine.url.set(database=name).render_as_string(False))
    server = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    # Identifiers cannot be bound parameters; quoted as the dialect does, after the `_test` check.
    quoted = server.dialect.identifier_preparer.quote_identifier(name)
    drop = text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
    with server.connect() as conn:
        conn.execute(drop)
        conn.execute(text(f"CREATE DATABASE {quoted}"))
    try:
        yield url
    finally:
        with server.connect() as conn:
            conn.execute(drop)
        server.dispose()


def test_start_script_migrates_an_empty_database_then_serves_and_stops_on_sigterm(
    empty_database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = server_env(
        ENVIRONMENT="production",
        SECRET_KEY=PRODUCTION_KEY,
        DATABASE_URL=empty_database_url,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        DATABASE_WAIT_SECONDS="10",
    )
    health = f"http://127.0.0.1:{port}/api/v1/health"

    with running_server(["sh", START_SCRIPT], env, tmp_path / "start.log", health) as server:
        assert call(health) == (200, {"status": "ok", "database": "ok"})
        healthcheck = subprocess.run(
            [sys.executable, "-m", "scripts.healthcheck"],
            cwd=BACKEND_DIR,
            env=env,
            capture_output=True,
            timeout=30,
            check=False,
        )
        assert healthcheck.returncode == 0

    # uvicorn was exec'd: the SIGTERM sent to the script's process stopped the server cleanly.
    assert server.returncode == 0
    assert not answers(health)
    migrated = create_engine(empty_database_url)
    try:
        with migrated.connect() as conn:
            assert {"users", "posts"} <= set(inspect(conn).get_table_names())
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        migrated.dispose()
    assert revision == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_start_script_gives_up_on_an_unreachable_database_with_one_clear_line() -> None:
    closed_port = free_port()
    password = secrets.token_hex(8)
    url = f"postgresql+psycopg://tracker:{password}@127.0.0.1:{closed_port}/tracker_test"
    env = server_env(
        ENVIRONMENT="production",
        SECRET_KEY=PRODUCTION_KEY,
        DATABASE_URL=url,
        HOST="127.0.0.1",
        PORT=str(free_port()),
        DATABASE_WAIT_SECONDS="2",
    )

    result = subprocess.run(
        ["sh", START_SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )

    output = result.stdout + result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert result.returncode == 1
    assert last_line.startswith(f"Database not reachable at 127.0.0.1:{closed_port}: gave up after")
    attempts = re.search(r"after (\d+) attempts in 2s", last_line)
    assert attempts is not None
    assert int(attempts.group(1)) >= 2
    assert "Traceback" not in output
    assert password not in output
    assert "alembic" not in output
    assert "Uvicorn running" not in output
    assert make_url(url).password == password
