"""N+1 queries: one SELECT for the users, then one more per user for their posts."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, joinedload, selectinload

from app.services.user import list_users_with_post_counts
from tests.factories import make_post, make_user
from tests.patterns.legacy_models import LegacyPost, LegacyUser


def post_counts_the_guide_way(db: Session) -> dict[str, int]:
    """The original guide's loop: `user.posts` lazily loads once per user."""
    users = db.query(LegacyUser).all()
    return {user.name: len(user.posts) for user in users}


def test_lazy_loading_in_a_loop_sends_one_select_per_user(
    db: Session, legacy_users: list[LegacyUser], count_selects: Callable[[], Any]
) -> None:
    with count_selects() as statements:
        counts = post_counts_the_guide_way(db)

    assert set(counts.values()) == {2}
    assert len(statements) == 1 + len(legacy_users)
    assert sum("FROM legacy_posts" in sql for sql in statements) == len(legacy_users)


def test_the_list_endpoint_query_is_one_select_however_many_users(
    db: Session, count_selects: Callable[[], Any]
) -> None:
    for _ in range(5):
        make_post(db, make_user(db))
    db.expunge_all()

    with count_selects() as statements:
        users = list_users_with_post_counts(db, limit=100, offset=0)

    assert [user.post_count for user in users] == [1] * 5
    assert len(statements) == 1


def test_joinedload_of_a_collection_with_select_refuses_to_return_duplicates(
    db: Session, legacy_users: list[LegacyUser]
) -> None:
    """The guide's fix, ported from `db.query` to `select()`: each user comes once per post."""
    statement = select(LegacyUser).options(joinedload(LegacyUser.posts))

    with pytest.raises(InvalidRequestError, match=r"The unique\(\) method must be invoked"):
        db.scalars(statement).all()


def test_selectinload_of_a_collection_is_two_selects_however_many_users(
    db: Session, legacy_users: list[LegacyUser], count_selects: Callable[[], Any]
) -> None:
    with count_selects() as statements:
        users = db.scalars(select(LegacyUser).options(selectinload(LegacyUser.posts))).all()
        titles = [post.title for user in users for post in user.posts]

    assert len(users) == len(legacy_users)
    assert len(titles) == 2 * len(legacy_users)
    assert len(statements) == 2
    assert isinstance(users[0].posts[0], LegacyPost)
