"""CORS: no middleware refuses the browser's preflight; `*` with credentials lets any site in."""

import pytest
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.core.config import Settings, settings

FRONTEND = settings.backend_cors_origins[0]
EVIL = "https://evil.example"
PREFLIGHT = {"Origin": FRONTEND, "Access-Control-Request-Method": "POST"}


def users_app() -> FastAPI:
    app = FastAPI()

    @app.post("/api/v1/users")
    def create_user() -> dict[str, str]:
        return {"email": "private.person@example.com"}

    return app


def test_without_the_middleware_the_preflight_is_405_with_no_allow_origin() -> None:
    response = TestClient(users_app()).options("/api/v1/users", headers=PREFLIGHT)

    assert response.status_code == 405
    assert response.json() == {"detail": "Method Not Allowed"}
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_wildcard_with_credentials_hands_any_origin_the_users_responses() -> None:
    app = users_app()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )

    response = TestClient(app).post(
        "/api/v1/users", headers={"Origin": EVIL, "Cookie": "session=victim"}
    )

    assert response.headers["Access-Control-Allow-Origin"] == EVIL
    assert response.headers["Access-Control-Allow-Credentials"] == "true"


def test_the_api_answers_the_configured_origin_and_refuses_others(client: TestClient) -> None:
    allowed = client.options("/api/v1/users", headers=PREFLIGHT)
    refused = client.options("/api/v1/users", headers=PREFLIGHT | {"Origin": EVIL})

    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == FRONTEND
    assert refused.status_code == 400
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_settings_refuse_a_wildcard_origin() -> None:
    with pytest.raises(ValidationError, match="'\\*' cannot be combined with credentials"):
        Settings(_env_file=None, secret_key="k" * 40, backend_cors_origins="*")  # type: ignore[arg-type]
