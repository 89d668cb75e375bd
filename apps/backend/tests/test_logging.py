"""Business events log ids, never emails, passwords or tokens; JSON in production."""

import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import structlog
from fastapi.testclient import TestClient

from app.core.config import settings
from app.core.logging import configure_logging

EMAIL = "private.person@example.com"
PASSWORD = "never-log-this-password"


def test_user_creation_and_login_log_ids_but_no_personal_data(
    client: TestClient,
    logs: Callable[[], list[str]],
    events: Callable[[], list[dict[str, Any]]],
) -> None:
    created = client.post(
        "/api/v1/users",
        json={"email": EMAIL, "username": "private", "name": "P", "age": 40, "password": PASSWORD},
    )
    token = client.post(
        "/api/v1/auth/token", data={"username": EMAIL, "password": PASSWORD}
    ).json()["access_token"]
    client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})

    user_id = created.json()["id"]
    [event] = [e for e in events() if e["event"] == "user_created"]
    assert event["user_id"] == user_id
    assert any(e["event"] == "login_succeeded" and e["user_id"] == user_id for e in events())
    text = "\n".join(logs())
    assert "user_created" in text
    for secret in (EMAIL, PASSWORD, token):
        assert secret not in text


def test_sensitive_keys_are_redacted_even_when_a_caller_passes_them(
    logs: Callable[[], list[str]],
) -> None:
    structlog.get_logger("test").info("careless", email=EMAIL, password=PASSWORD, user_id=7)

    [line] = [line for line in logs() if "careless" in line]
    assert EMAIL not in line
    assert PASSWORD not in line
    assert "user_id=7" in line
    assert "[redacted]" in line


@pytest.fixture
def json_logging() -> Iterator[None]:
    configure_logging(level="INFO", json_logs=True)
    yield
    configure_logging(level=settings.log_level, json_logs=settings.json_logs)


@pytest.mark.usefixtures("json_logging")
def test_production_logs_are_one_json_object_per_line(
    client: TestClient, logs: Callable[[], list[str]]
) -> None:
    client.get("/api/v1/health", headers={"X-Request-ID": "json-1"})

    records = [json.loads(line) for line in logs()]
    [access] = [r for r in records if r["event"] == "request"]
    assert access["request_id"] == "json-1"
    assert access["level"] == "info"
    assert {"method", "path", "status", "duration_ms", "timestamp"} <= set(access)


@pytest.mark.usefixtures("json_logging")
def test_production_tracebacks_carry_no_local_variables(logs: Callable[[], list[str]]) -> None:
    def authenticate(password: str) -> None:
        raise ValueError("bad credentials")

    try:
        authenticate(PASSWORD)
    except ValueError:
        structlog.get_logger("test").exception("login_crashed")

    [record] = [json.loads(line) for line in logs() if "login_crashed" in line]
    assert record["exception"][0]["exc_value"] == "bad credentials"
    assert PASSWORD not in json.dumps(record)


def test_local_logs_are_readable_key_value_lines(
    client: TestClient, logs: Callable[[], list[str]]
) -> None:
    client.get("/api/v1/health", headers={"X-Request-ID": "local-1"})

    [access] = [line for line in logs() if "request_id=local-1" in line and "status=" in line]
    assert "path=/api/v1/health" in access
    assert not access.startswith("{")
    assert logging.getLogger("uvicorn.access").disabled
