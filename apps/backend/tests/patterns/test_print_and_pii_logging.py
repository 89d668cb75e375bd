"""Logging: `print` bypasses the log; the guide's structlog call writes the user's email out."""

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import structlog
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from app.main import create_app

EMAIL = "private.person@example.com"
GUIDE_LOG_CALL = (
    "import structlog; structlog.get_logger(__name__).info("
    f"'User created successfully', user_id=1, email={EMAIL!r}, action='user_create')"
)


@pytest.fixture
def printing_app() -> FastAPI:
    app = create_app()
    router = APIRouter()

    @router.post("/print-users")
    def create_user() -> dict[str, bool]:
        print("User created")  # the guide's logging, under proof
        return {"created": True}

    app.include_router(router)
    return app


def test_a_print_reaches_stdout_but_no_log_line_and_no_request_id(
    printing_app: FastAPI,
    capsys: pytest.CaptureFixture[str],
    events: Callable[[], list[dict[str, Any]]],
) -> None:
    TestClient(printing_app).post("/print-users", headers={"X-Request-ID": "print-1"})

    assert capsys.readouterr().out == "User created\n"
    tagged = [event["event"] for event in events() if event.get("request_id") == "print-1"]
    assert tagged == ["request"], "only the access line; the print left no event"


def test_the_guides_structlog_call_prints_the_email_with_default_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUIDE_LOG_CALL],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert "User created successfully" in result.stdout
    assert f"email={EMAIL}" in result.stdout


def test_the_same_call_under_the_app_logging_redacts_the_email(
    logs: Callable[[], list[str]],
) -> None:
    structlog.get_logger("app.services.user").info(
        "User created successfully", user_id=1, email=EMAIL, action="user_create"
    )

    [line] = [line for line in logs() if "User created successfully" in line]
    assert EMAIL not in line
    assert "email=[redacted]" in line
    assert "user_id=1" in line


def test_creating_a_user_logs_the_id_and_never_the_email(
    client: TestClient, events: Callable[[], list[dict[str, Any]]], logs: Callable[[], list[str]]
) -> None:
    body = {"email": EMAIL, "username": "private", "name": "P", "age": 40, "password": "x" * 12}

    user_id = client.post("/api/v1/users", json=body).json()["id"]

    [created] = [event for event in events() if event["event"] == "user_created"]
    assert created["user_id"] == user_id
    assert "email" not in created
    assert EMAIL not in "\n".join(logs())
