"""Test isolation: one session for the whole run lets each test see what the last one left."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from scripts.database import create_database_if_missing
from tests.commands import BACKEND_DIR

# The original guide's conftest, with only its database URL filled in. It creates the tables
# with create_all, shares one session between all tests, and drops every table at the end.
GUIDE_CONFTEST = """
import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db.base import Base

SQLALCHEMY_DATABASE_URL = {url!r}
engine = create_engine(SQLALCHEMY_DATABASE_URL)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


@pytest.fixture(scope="session")
def db():
    Base.metadata.create_all(bind=engine)
    db = TestingSessionLocal()
    try:
        yield db
    finally:
        db.close()
    Base.metadata.drop_all(bind=engine)
"""

# Two tests that are each correct alone; the second must not see the first one's user.
TWO_TESTS = """
from sqlalchemy import func, select

from app.models.user import User


def test_a_registers_a_runner(db):
    db.add(User(email="a@example.com", username="runner", name="A", age=30, password_hash="x"))
    db.commit()


def test_b_starts_with_no_users(db):
    assert db.scalar(select(func.count()).select_from(User)) == 0
"""


@pytest.fixture
def scratch_database_url(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """A database of its own on the same backend: the guide's fixture drops every table."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'isolation_test.db'}"
        return
    # Derived from a name that passed the `_test` check, never from input.
    scratch = url.set(
        database=f"{url.database}_isolation".replace("_test_isolation", "_isolation_test")
    )
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    quoted = server.dialect.identifier_preparer.quote_identifier(scratch.database or "")

    def drop_scratch() -> None:
        with server.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))

    try:
        drop_scratch()
        create_database_if_missing(create_engine(scratch))
        yield scratch.render_as_string(hide_password=False)
        drop_scratch()
    finally:
        server.dispose()


def run_suite(directory: Path, *pytest_args: str, database_url: str) -> list[str]:
    """Run a small test suite in a fresh interpreter; return pytest's report, line by line."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTEST_ADDOPTS"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", *pytest_args],
        cwd=directory,
        env=environment | {"PYTHONPATH": str(BACKEND_DIR), "TEST_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout, result.stderr
    return result.stdout.strip().splitlines()


def write_suite(directory: Path, conftest: str | None) -> Path:
    directory.mkdir()
    (directory / "test_pair.py").write_text(TWO_TESTS)
    if conftest is not None:
        (directory / "conftest.py").write_text(conftest)
    return directory


def test_a_session_wide_shared_session_leaks_rows_into_the_next_test(
    tmp_path: Path, scratch_database_url: str
) -> None:
    suite = write_suite(tmp_path / "guide", GUIDE_CONFTEST.format(url=scratch_database_url))

    together = run_suite(suite, database_url=scratch_database_url)
    alone = run_suite(suite, "-k", "test_b", database_url=scratch_database_url)

    assert "FAILED test_pair.py::test_b_starts_with_no_users - assert 1 == 0" in together
    assert together[-1].startswith("1 failed, 1 passed")
    assert alone[-1].startswith("1 passed")


def test_the_projects_rolled_back_transaction_isolates_the_same_two_tests(
    tmp_path: Path, scratch_database_url: str
) -> None:
    suite = write_suite(tmp_path / "project", conftest=None)

    report = run_suite(suite, "-p", "tests.conftest", database_url=scratch_database_url)

    assert report[-1].startswith("2 passed"), report
