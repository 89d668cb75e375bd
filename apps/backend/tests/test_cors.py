"""CORS comes from BACKEND_CORS_ORIGINS: a listed origin is allowed, any other is not."""

from fastapi.testclient import TestClient

from app.core.config import settings

ALLOWED = settings.backend_cors_origins[0]


def test_preflight_from_an_allowed_origin_is_accepted(client: TestClient) -> None:
    response = client.options(
        "/api/v1/users",
        headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert response.headers["Access-Control-Allow-Credentials"] == "true"


def test_preflight_from_another_origin_is_refused(client: TestClient) -> None:
    response = client.options(
        "/api/v1/users",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 400
    assert "Access-Control-Allow-Origin" not in response.headers


def test_simple_request_from_another_origin_gets_no_allow_header(client: TestClient) -> None:
    allowed = client.get("/api/v1/health", headers={"Origin": ALLOWED})
    refused = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})

    assert allowed.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in refused.headers
