"""Concurrent duplicate registrations: the unique constraint decides, exactly one wins.

These requests commit for real on their own connections, so the test cleans up after itself.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, func, select

from app.main import create_app
from app.models.user import User

RACERS = 6
EMAIL = "race@example.com"


@pytest.fixture
def committing_app(engine: Engine) -> Iterator[FastAPI]:
    yield create_app()
    with engine.begin() as conn:
        conn.execute(delete(User).where(User.email == EMAIL))
        conn.execute(delete(User).where(User.username.like("racer%")))


def register_at_once(app: FastAPI, bodies: list[dict[str, object]]) -> list[int]:
    barrier = Barrier(len(bodies), timeout=30)

    def register(body: dict[str, object]) -> int:
        client = TestClient(app)
        barrier.wait()
        return client.post("/api/v1/users", json=body).status_code

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(register, bodies, timeout=120))


@pytest.mark.concurrency
def test_concurrent_registrations_with_one_email_create_exactly_one_user(
    committing_app: FastAPI, engine: Engine
) -> None:
    bodies: list[dict[str, object]] = [
        {"email": EMAIL, "username": f"racer{i}", "name": "Racer", "age": 30, "password": "x" * 12}
        for i in range(RACERS)
    ]

    statuses = register_at_once(committing_app, bodies)

    assert sorted(statuses) == [201] + [409] * (RACERS - 1)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(User).where(User.email == EMAIL)) == 1


@pytest.mark.concurrency
def test_concurrent_registrations_with_one_username_create_exactly_one_user(
    committing_app: FastAPI, engine: Engine
) -> None:
    bodies: list[dict[str, object]] = [
        {
            "email": f"racer{i}@example.com",
            "username": "racer",
            "name": "R",
            "age": 30,
            "password": "x" * 12,
        }
        for i in range(RACERS)
    ]

    statuses = register_at_once(committing_app, bodies)

    assert sorted(statuses) == [201] + [409] * (RACERS - 1)
