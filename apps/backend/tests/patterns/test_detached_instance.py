"""Lazy loading after the session closed: DetachedInstanceError, unless the query loaded it."""

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import DetachedInstanceError

from app.schemas.user import UserReadWithPosts
from app.services.user import get_user_with_posts
from tests.factories import make_post, make_user
from tests.patterns.legacy_models import LegacyUser


def test_reading_a_lazy_collection_after_the_session_closed_raises(
    connection: Connection, legacy_users: list[LegacyUser]
) -> None:
    session_local = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")

    def get_user(user_id: int) -> LegacyUser | None:
        """The original guide's shape: load, let the session go, hand the object on."""
        with session_local() as db:
            return db.query(LegacyUser).filter(LegacyUser.id == user_id).first()

    user = get_user(legacy_users[0].id)

    assert user is not None
    with pytest.raises(
        DetachedInstanceError,
        match="is not bound to a Session; lazy load operation of attribute 'posts' cannot proceed",
    ):
        _ = user.posts


def test_posts_loaded_by_the_query_are_readable_after_the_session_closed(db: Session) -> None:
    user = make_user(db)
    make_post(db, user)
    make_post(db, user)
    db.expunge_all()

    loaded = get_user_with_posts(db, user.id)
    db.close()

    assert [post.user_id for post in loaded.posts] == [user.id, user.id]
    assert len(UserReadWithPosts.model_validate(loaded).posts) == 2
