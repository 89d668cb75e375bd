"""Login and every way a bearer token must be refused (401 with `WWW-Authenticate: Bearer`)."""

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jose import jwt
from sqlalchemy.orm import Session

from app.core.config import settings
from app.models.user import User
from tests.factories import PASSWORD, auth_headers, make_user

SECRET = settings.secret_key.get_secret_value()


def token_with(claims: dict[str, Any], *, key: str = SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def in_minutes(minutes: int) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


def assert_refused(client: TestClient, token: str) -> None:
    response = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json() == {"detail": "Could not validate credentials"}


def test_login_returns_a_bearer_token_that_works(client: TestClient, db: Session) -> None:
    user = make_user(db, username="sprinter")

    response = client.post(
        "/api/v1/auth/token", data={"username": "sprinter", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"
    token = response.json()["access_token"]
    me = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["id"] == user.id


def test_login_accepts_the_email_in_the_username_field(client: TestClient, db: Session) -> None:
    make_user(db, email="fast@example.com")

    response = client.post(
        "/api/v1/auth/token", data={"username": " FAST@example.com", "password": PASSWORD}
    )

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("username", "password"),
    [("sprinter", "wrong-password"), ("nobody", PASSWORD)],
)
def test_login_with_wrong_credentials_is_401(
    client: TestClient, db: Session, username: str, password: str
) -> None:
    make_user(db, username="sprinter")

    response = client.post("/api/v1/auth/token", data={"username": username, "password": password})

    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect username or password"}
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_login_of_inactive_user_is_401(client: TestClient, db: Session) -> None:
    make_user(db, username="retired", is_active=False)

    response = client.post("/api/v1/auth/token", data={"username": "retired", "password": PASSWORD})

    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect username or password"}


def test_missing_token_is_401(client: TestClient) -> None:
    response = client.get("/api/v1/users/me")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_malformed_token_is_401(client: TestClient) -> None:
    assert_refused(client, "not.a.jwt")
    assert_refused(client, "garbage")


def test_token_signed_with_another_key_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)

    assert_refused(client, token_with({"sub": str(user.id), "exp": in_minutes(5)}, key="x" * 40))


def test_token_with_another_algorithm_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)

    assert_refused(
        client, token_with({"sub": str(user.id), "exp": in_minutes(5)}, algorithm="HS512")
    )


def test_unsigned_alg_none_token_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)
    # Built by hand (header.payload.empty-signature): the classic forged token.
    exp = int(in_minutes(5).timestamp())
    unsigned = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64({'sub': str(user.id), 'exp': exp})}."
    assert_refused(client, unsigned)


def test_expired_token_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)

    assert_refused(client, token_with({"sub": str(user.id), "exp": in_minutes(-1)}))


def test_token_without_exp_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)

    assert_refused(client, token_with({"sub": str(user.id)}))


def test_token_without_sub_is_401(client: TestClient) -> None:
    assert_refused(client, token_with({"exp": in_minutes(5)}))


def test_token_with_non_numeric_sub_is_401(client: TestClient) -> None:
    assert_refused(client, token_with({"sub": "admin", "exp": in_minutes(5)}))


def test_token_of_deleted_user_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)
    headers = auth_headers(user)
    db.delete(user)
    db.flush()

    assert_refused(client, headers["Authorization"].removeprefix("Bearer "))


def test_token_of_inactive_user_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)
    headers = auth_headers(user)
    db.get(User, user.id).is_active = False
    db.flush()

    assert_refused(client, headers["Authorization"].removeprefix("Bearer "))
