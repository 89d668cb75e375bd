"""Session management: one session per request, always closed, committed before the response."""

import gc
from collections.abc import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from app.db.session import SessionDep, SessionLocal, create_db_engine
from app.main import create_app
from app.models.post import Post
from app.models.user import User

MISSING_USER_ID = 987_654_321


@pytest.fixture
def real_session_app(engine: Engine) -> FastAPI:
    """The app with the production `get_db` (no override), plus two routes that fail late."""
    app = create_app()
    router = APIRouter()

    @router.get("/fails-after-query")
    def fails_after_query(db: SessionDep) -> None:
        db.scalars(select(User).limit(1)).all()
        raise RuntimeError("failure after the session was used")

    @router.post("/fails-at-commit")
    def fails_at_commit(db: SessionDep) -> dict[str, bool]:
        # Nothing is flushed here; the foreign-key violation surfaces only at commit.
        db.add(Post(user_id=MISSING_USER_ID, title="orphan", content=""))
        return {"saved": True}

    app.include_router(router)
    return app


@pytest.fixture
def no_garbage_collector() -> Iterator[None]:
    """Without the collector, a session nobody closed keeps its connection checked out."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture
def small_pool(engine: Engine) -> Iterator[Engine]:
    """`get_db` on a two-connection pool that gives up after 1 s, so a leak fails fast."""
    url = engine.url.render_as_string(hide_password=False)
    small = create_db_engine(url, pool_size=2, max_overflow=0, pool_timeout=1)
    SessionLocal.configure(bind=small)
    yield small
    SessionLocal.configure(bind=engine)
    small.dispose()


@pytest.mark.usefixtures("no_garbage_collector")
def test_no_connection_stays_checked_out_after_200_requests(
    real_session_app: FastAPI, small_pool: Engine
) -> None:
    client = TestClient(real_session_app)
    requests = [
        ("GET", "/api/v1/users?limit=5", 200),
        ("GET", f"/api/v1/users/{MISSING_USER_ID}", 404),
        ("GET", "/api/v1/users/me", 401),
        ("GET", "/api/v1/health", 200),
        ("GET", "/fails-after-query", 500),
    ]
    for i in range(200):
        method, path, expected = requests[i % len(requests)]
        response = client.request(method, path, headers={"Authorization": "Bearer bad"})
        assert response.status_code == expected, f"request {i}: {method} {path}"

    assert small_pool.pool.checkedout() == 0


def test_a_commit_that_fails_is_never_reported_as_success(
    real_session_app: FastAPI, engine: Engine
) -> None:
    response = TestClient(real_session_app).post("/fails-at-commit")

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal Server Error"}
    with engine.connect() as conn:
        assert conn.scalar(select(Post.id).where(Post.user_id == MISSING_USER_ID)) is None
