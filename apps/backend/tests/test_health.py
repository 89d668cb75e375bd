"""GET /api/v1/health: 200 when the database answers, 503 (quickly) when it does not."""

import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.session import CONNECT_TIMEOUT_SECONDS, create_db_engine, get_db


def test_health_reports_ok_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/api/v1/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def _health_against(app: FastAPI, url: str) -> tuple[int, dict[str, str], float]:
    unreachable = create_db_engine(url)

    def override_get_db() -> Iterator[Session]:
        with Session(unreachable) as session:
            yield session

    app.dependency_overrides[get_db] = override_get_db
    try:
        started = time.monotonic()
        response = TestClient(app).get("/api/v1/health")
        return response.status_code, response.json(), time.monotonic() - started
    finally:
        app.dependency_overrides.clear()
        unreachable.dispose()


def test_health_is_503_when_the_database_refuses_connections(app: FastAPI) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port}/gone_test"

    status, body, _ = _health_against(app, url)

    assert status == 503
    assert body == {"status": "error", "database": "unavailable"}


def test_health_gives_up_on_a_database_that_never_answers(app: FastAPI) -> None:
    """A server that accepts TCP but never speaks: the connect timeout bounds the wait."""
    with socket.socket() as silent, ThreadPoolExecutor(max_workers=1) as pool:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"postgresql+psycopg://postgres@127.0.0.1:{silent.getsockname()[1]}/silent_test"
        pending = pool.submit(_health_against, app, url)
        try:
            status, body, elapsed = pending.result(timeout=15)
        finally:
            # Closing the listener resets the waiting client, so even a regression cannot hang.
            silent.close()

    assert status == 503
    assert body == {"status": "error", "database": "unavailable"}
    # The contract promises an answer within 3 s; the timeout is what keeps that promise.
    assert CONNECT_TIMEOUT_SECONDS < 3
    assert elapsed < 3 + 2, "generous margin for a loaded machine; without a timeout it hangs"
