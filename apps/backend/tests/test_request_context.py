"""X-Request-ID on every response, one access line per request, a JSON 500 with no traceback."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from app.main import create_app


@pytest.fixture
def failing_app() -> FastAPI:
    app = create_app()
    router = APIRouter()

    @router.get("/explode")
    def explode() -> None:
        raise RuntimeError("internal detail that must stay private")

    app.include_router(router)
    return app


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    ok = client.get("/api/v1/health")
    not_found = client.get("/api/v1/users/987654")
    invalid = client.get("/api/v1/users/abc")

    ids = {r.headers["X-Request-ID"] for r in (ok, not_found, invalid)}
    assert len(ids) == 3
    assert all(len(request_id) == 32 for request_id in ids)


def test_a_sane_caller_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/api/v1/health", headers={"X-Request-ID": "trace-abc.123"})

    assert response.headers["X-Request-ID"] == "trace-abc.123"


def test_an_unsafe_caller_request_id_is_replaced(client: TestClient) -> None:
    for unsafe in ("has space", "x" * 200, "new\\nline", "<script>"):
        response = client.get("/api/v1/health", headers={"X-Request-ID": unsafe})
        assert response.headers["X-Request-ID"] != unsafe
        assert len(response.headers["X-Request-ID"]) == 32


def test_one_access_line_per_request(
    client: TestClient, events: Callable[[], list[dict[str, Any]]]
) -> None:
    response = client.get("/api/v1/users/987654", headers={"X-Request-ID": "access-1"})

    access = [event for event in events() if event["event"] == "request"]
    assert len(access) == 1
    [line] = access
    assert line["request_id"] == response.headers["X-Request-ID"] == "access-1"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/v1/users/987654", 404)
    assert isinstance(line["duration_ms"], float)


def test_unexpected_error_is_a_json_500_and_the_traceback_goes_to_the_log(
    failing_app: FastAPI, logs: Callable[[], list[str]]
) -> None:
    response = TestClient(failing_app).get("/explode", headers={"X-Request-ID": "boom-1"})

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal Server Error"}
    assert response.headers["X-Request-ID"] == "boom-1"
    assert "private" not in response.text
    text = "\n".join(logs())
    [error] = [line for line in logs() if "unhandled_error" in line]
    assert "request_id=boom-1" in error
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: internal detail that must stay private" in text
