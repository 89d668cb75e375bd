"""`make test` where no PostgreSQL runs yet: a throwaway server, or one clear line."""

import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

import pytest

from scripts import with_test_postgres
from tests.commands import run_in_backend

SHOW_PORT = (
    "import os; from sqlalchemy import create_engine; from sqlalchemy.engine import make_url; "
    "url = make_url(os.environ['TEST_DATABASE_URL']).set(database='postgres'); "
    "print('child saw port', create_engine(url).connect().exec_driver_sql('SHOW port').scalar())"
)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_without_a_server_a_throwaway_cluster_serves_the_command_and_is_removed() -> None:
    binaries = with_test_postgres.find_server_binaries()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are required in CI")
        pytest.skip("no initdb/pg_ctl installed: the throwaway-cluster path cannot run here")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/nothing_here_test"
    leftovers_before = set(Path(tempfile.gettempdir()).glob("training-tracker-pg-*"))

    result = run_in_backend(
        *(sys.executable, "-m", "scripts.with_test_postgres", sys.executable, "-c", SHOW_PORT),
        env={"TEST_DATABASE_URL": url},
    )

    assert result.returncode == 0, result.stderr
    started = next(line for line in result.stdout.splitlines() if "throwaway" in line)
    port = int(started.rsplit(":", 1)[1])
    assert f"child saw port {port}" in result.stdout
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the server was not stopped"
    assert set(Path(tempfile.gettempdir()).glob("training-tracker-pg-*")) <= leftovers_before


def test_without_a_server_or_binaries_it_fails_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(with_test_postgres, "find_server_binaries", lambda: None)
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/nothing_here_test"

    with pytest.raises(SystemExit) as exit_info:
        with_test_postgres.main(["true"], test_database_url=url)

    assert exit_info.value.code == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("with_test_postgres: no PostgreSQL answers at 127.0.0.1:")
