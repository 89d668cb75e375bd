"""Test set-up: a disposable `_test` database built by Alembic; each test in a rolled-back one.

The environment is set before any `app` import: ENVIRONMENT=test points the app's engine at
TEST_DATABASE_URL (and refuses a name that does not end in `_test`).
"""

import io
import logging
import os

os.environ["ENVIRONMENT"] = "test"
os.environ.setdefault("SECRET_KEY", "test-secret-key-0123456789abcdef-0123456789")

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session

from app.db.session import engine as app_engine
from app.db.session import get_db
from app.main import create_app
from tests.database import prepare_test_database


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    prepare_test_database(app_engine)
    yield app_engine
    app_engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        transaction = conn.begin()
        yield conn
        transaction.rollback()


@pytest.fixture
def db(connection: Connection) -> Iterator[Session]:
    """SQLAlchemy's external-transaction recipe: commits become savepoints, all rolled back."""
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    yield session
    session.close()


@pytest.fixture(scope="session")
def app() -> FastAPI:
    return create_app()


@contextmanager
def client_on(app: FastAPI, db: Session) -> Iterator[TestClient]:
    """A TestClient whose requests use the test's session, each with an empty identity map."""

    def override_get_db() -> Iterator[Session]:
        # As in production, a request starts with nothing loaded: a missing eager load cannot
        # hide behind objects the test itself loaded, and lazy="raise" fires.
        db.expunge_all()
        yield db
        db.commit()

    app.dependency_overrides[get_db] = override_get_db
    try:
        with TestClient(app) as test_client:
            yield test_client
    finally:
        app.dependency_overrides.clear()


@pytest.fixture
def client(app: FastAPI, db: Session) -> Iterator[TestClient]:
    with client_on(app, db) as test_client:
        yield test_client


@pytest.fixture
def count_selects(connection: Connection) -> Callable[[], Any]:
    """Count the SELECT statements sent on the test connection inside a `with` block."""

    @contextmanager
    def counting() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(connection, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(connection, "before_cursor_execute", record)

    return counting


@pytest.fixture
def logs() -> Iterator[Callable[[], list[str]]]:
    """The log lines of this test, rendered as they are emitted by the app's own formatter."""
    root = logging.getLogger()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(root.handlers[0].formatter)
    root.addHandler(handler)
    try:
        yield lambda: stream.getvalue().splitlines()
    finally:
        root.removeHandler(handler)


@pytest.fixture
def events(caplog: pytest.LogCaptureFixture) -> Callable[[], list[dict[str, Any]]]:
    """The structlog event dicts logged during this test (request id merged in)."""
    caplog.set_level(logging.INFO)

    def collected() -> list[dict[str, Any]]:
        return [dict(record.msg) for record in caplog.records if isinstance(record.msg, dict)]

    return collected
