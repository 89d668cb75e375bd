"""Session lifetime: a session nobody closes drains the pool; a late commit fails unheard."""

from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from app.db.session import SessionLocal, create_db_engine
from app.main import create_app
from app.models.post import Post
from app.models.user import User

# Bounds how long the proof waits for a connection; not a speed assertion.
POOL_TIMEOUT_SECONDS = 0.5

MISSING_USER_ID = 987_654_321

TrackedFactory = tuple[sessionmaker[Session], list[Session]]


@pytest.fixture
def one_connection_engine(engine: Engine) -> Iterator[Engine]:
    """The test database behind a pool of exactly one connection, so one leak is enough."""
    small = create_db_engine(
        engine.url.render_as_string(hide_password=False),
        pool_size=1,
        max_overflow=0,
        pool_timeout=POOL_TIMEOUT_SECONDS,
    )
    yield small
    small.dispose()


@pytest.fixture
def opened_sessions(one_connection_engine: Engine) -> Iterator[TrackedFactory]:
    """A session factory on that engine, and every session it starts, closed after the test.

    The list only lets the test clean up. In an application nothing holds these sessions, and
    each keeps its connection until the garbage collector happens to run: under load the pool
    is empty long before that.
    """
    factory = sessionmaker(one_connection_engine)
    opened: list[Session] = []

    @event.listens_for(factory, "after_begin")
    def remember(session: Session, _transaction: Any, _connection: Any) -> None:
        opened.append(session)

    yield factory, opened
    for session in opened:
        session.close()


def test_a_session_nobody_closes_keeps_its_connection_until_the_pool_times_out(
    opened_sessions: TrackedFactory,
    one_connection_engine: Engine,
) -> None:
    session_local, _ = opened_sessions

    def get_user(user_id: int) -> User | None:
        """The original guide's version: a session per call that nothing closes."""
        db = session_local()
        return db.query(User).filter(User.id == user_id).first()

    get_user(1)

    assert one_connection_engine.pool.checkedout() == 1
    with pytest.raises(
        PoolTimeoutError, match="QueuePool limit of size 1 overflow 0 reached, connection timed out"
    ):
        get_user(1)


def test_the_request_session_returns_its_connection_every_time(
    one_connection_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`get_db` (no override) closes its session, so one connection serves request after request."""
    monkeypatch.setattr(
        "app.db.session.SessionLocal", sessionmaker(one_connection_engine, expire_on_commit=False)
    )
    client = TestClient(create_app())

    statuses = [client.get("/api/v1/users", params={"limit": 1}).status_code for _ in range(10)]

    assert statuses == [200] * 10
    # The one connection served all ten requests and is back in the pool, idle.
    assert one_connection_engine.pool.checkedin() == 1
    assert one_connection_engine.pool.checkedout() == 0


def test_a_commit_after_yield_fails_after_the_client_was_told_it_worked(engine: Engine) -> None:
    """Without scope="function", code after `yield` runs once the response has been sent."""

    def get_db() -> Iterator[Session]:
        with SessionLocal() as db:
            yield db
            db.commit()

    app = FastAPI()

    @app.post("/posts")
    def create_post(db: Annotated[Session, Depends(get_db)]) -> dict[str, bool]:
        # Nothing is flushed here; the foreign-key violation surfaces only at commit.
        db.add(Post(user_id=MISSING_USER_ID, title="orphan", content=""))
        return {"saved": True}

    response = TestClient(app, raise_server_exceptions=False).post("/posts")

    assert (response.status_code, response.json()) == (200, {"saved": True})
    with engine.connect() as conn:
        assert conn.scalar(select(Post.id).where(Post.user_id == MISSING_USER_ID)) is None
