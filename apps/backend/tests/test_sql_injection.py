"""SQL injection: the ORM binds every value; hostile input matches nothing and harms nothing."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models.user import User
from tests.factories import make_user

PAYLOADS = [
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    "x' UNION SELECT password_hash FROM users --",
    '" OR ""="',
    "%",
    "_",
    "\\",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_with_injection_payload_matches_nothing_and_keeps_the_table(
    client: TestClient, db: Session, payload: str
) -> None:
    make_user(db, name="Alice")
    make_user(db, name="Bob")

    response = client.get("/api/v1/users/search", params={"name": payload})

    assert response.status_code == 200
    assert response.json() == []
    assert db.scalar(select(func.count()).select_from(User)) == 2


def test_search_finds_a_name_that_really_contains_quotes(client: TestClient, db: Session) -> None:
    tricky = make_user(db, name="O'Brien")
    make_user(db, name="Obrien")

    response = client.get("/api/v1/users/search", params={"name": "o'b"})

    assert [user["id"] for user in response.json()] == [tricky.id]


def test_login_with_injection_payload_is_401(client: TestClient, db: Session) -> None:
    make_user(db, username="alice")

    response = client.post(
        "/api/v1/auth/token", data={"username": "alice' --", "password": "anything-at-all"}
    )

    assert response.status_code == 401


def test_path_parameter_injection_is_422(client: TestClient) -> None:
    assert client.get("/api/v1/users/1 OR 1=1").status_code == 422


def test_raw_sql_uses_bound_parameters(db: Session) -> None:
    """When raw SQL is unavoidable, `text()` with a bound parameter is just as safe."""
    make_user(db, name="Alice")

    rows = db.execute(
        text("SELECT name FROM users WHERE name = :name"), {"name": "' OR '1'='1"}
    ).all()

    assert rows == []
