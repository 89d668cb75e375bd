"""No N+1: every list endpoint sends the same number of SELECTs whatever the page size.

Run with `pytest -k performance`.
"""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models.post import Post
from app.models.user import User
from tests.factories import PASSWORD_HASH

PAGE_SIZES = (1, 10, 100)


@pytest.fixture
def populated(db: Session) -> list[User]:
    users = [
        User(
            email=f"perf{i}@example.com",
            username=f"perf{i}",
            name=f"Perf Runner {i}",
            age=30,
            password_hash=PASSWORD_HASH,
        )
        for i in range(100)
    ]
    db.add_all(users)
    db.flush()
    db.add_all(Post(user_id=user.id, title=f"Run {i}") for i, user in enumerate(users))
    db.add_all(Post(user_id=users[0].id, title=f"Extra {i}") for i in range(99))
    db.flush()
    return users


def selects_per_page_size(
    client: TestClient, count_selects: Callable[[], Any], path: str, **params: Any
) -> dict[int, int]:
    counts = {}
    for size in PAGE_SIZES:
        with count_selects() as statements:
            response = client.get(path, params={"limit": size, **params})
        assert response.status_code == 200
        assert len(response.json()) == size
        counts[size] = len(statements)
    return counts


@pytest.mark.usefixtures("populated")
def test_performance_list_users_with_post_counts_is_one_select(
    client: TestClient, count_selects: Callable[[], Any]
) -> None:
    counts = selects_per_page_size(client, count_selects, "/api/v1/users")

    assert set(counts.values()) == {1}, counts


@pytest.mark.usefixtures("populated")
def test_performance_list_posts_with_authors_is_one_select(
    client: TestClient, count_selects: Callable[[], Any]
) -> None:
    counts = selects_per_page_size(client, count_selects, "/api/v1/posts")

    assert set(counts.values()) == {1}, counts


@pytest.mark.usefixtures("populated")
def test_performance_search_users_is_one_select(
    client: TestClient, count_selects: Callable[[], Any]
) -> None:
    counts = selects_per_page_size(client, count_selects, "/api/v1/users/search", name="perf")

    assert set(counts.values()) == {1}, counts


def test_performance_list_user_posts_is_constant(
    client: TestClient, count_selects: Callable[[], Any], populated: list[User]
) -> None:
    counts = selects_per_page_size(client, count_selects, f"/api/v1/users/{populated[0].id}/posts")

    assert len(set(counts.values())) == 1, counts
    assert counts[100] <= 2


def test_performance_user_with_many_posts_is_two_selects(
    client: TestClient, count_selects: Callable[[], Any], populated: list[User]
) -> None:
    with count_selects() as few:
        assert len(client.get(f"/api/v1/users/{populated[1].id}").json()["posts"]) == 1
    with count_selects() as many:
        assert len(client.get(f"/api/v1/users/{populated[0].id}").json()["posts"]) == 100

    assert len(few) == len(many) == 2
