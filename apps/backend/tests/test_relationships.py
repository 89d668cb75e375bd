"""Relationships: eager loading survives the session; an accidental lazy load fails loudly."""

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

from app.db.session import SessionDep
from app.main import create_app
from app.models.post import Post
from app.models.user import User
from app.schemas.post import PostReadWithAuthor
from app.schemas.user import UserReadWithPosts
from app.services.post import get_post_with_author
from app.services.user import get_user_with_posts
from tests.conftest import client_on
from tests.factories import make_post, make_user


def test_posts_loaded_eagerly_are_readable_after_the_session_closed(db: Session) -> None:
    user = make_user(db)
    make_post(db, user)
    make_post(db, user)
    db.expunge_all()

    loaded = get_user_with_posts(db, user.id)
    db.close()

    body = UserReadWithPosts.model_validate(loaded)
    assert len(body.posts) == 2


def test_author_loaded_eagerly_is_readable_after_the_session_closed(db: Session) -> None:
    post = make_post(db, make_user(db))
    db.expunge_all()

    loaded = get_post_with_author(db, post.id)
    db.close()

    assert PostReadWithAuthor.model_validate(loaded).author.id == post.user_id


def test_touching_an_unloaded_relationship_raises_instead_of_querying(db: Session) -> None:
    user = make_user(db)
    post = make_post(db, user)
    db.expunge_all()

    plain_user = db.scalars(select(User).where(User.id == user.id)).one()
    plain_post = db.get(Post, post.id)

    with pytest.raises(InvalidRequestError, match="lazy='raise'"):
        _ = plain_user.posts
    with pytest.raises(InvalidRequestError, match="lazy='raise'"):
        _ = plain_post.author  # type: ignore[union-attr]


def test_each_request_starts_without_the_objects_the_test_loaded(db: Session) -> None:
    user = make_user(db)
    db.refresh(user, ["posts"])  # the test now holds a user whose posts are loaded
    app = create_app()
    router = APIRouter()

    @router.get("/post-count/{user_id}")
    def post_count(session: SessionDep, user_id: int) -> int:
        found = session.get(User, user_id)
        assert found is not None
        return len(found.posts)  # no eager load: must fail, whatever the test loaded

    app.include_router(router)
    with client_on(app, db) as client:
        response = client.get(f"/post-count/{user.id}")

    assert response.status_code == 500


def test_user_endpoint_serialises_posts_with_a_fresh_identity_map(
    client: TestClient, db: Session
) -> None:
    user = make_user(db)
    make_post(db, user)

    response = client.get(f"/api/v1/users/{user.id}")

    assert response.status_code == 200
    assert len(response.json()["posts"]) == 1
