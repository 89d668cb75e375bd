"""Post data functions: each takes `db: Session`, flushes, never commits."""

from collections.abc import Sequence

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import NotFound
from app.models.post import Post
from app.models.user import User
from app.services.access import require_owner_or_superuser
from app.services.user import get_user

logger = structlog.get_logger(__name__)

NEWEST_FIRST = (Post.created_at.desc(), Post.id.desc())


def create_post(db: Session, *, author: User, title: str, content: str) -> Post:
    post = Post(user_id=author.id, title=title, content=content)
    db.add(post)
    db.flush()
    logger.info("post_created", post_id=post.id, user_id=author.id)
    return post


def list_posts_with_authors(db: Session, *, limit: int, offset: int) -> Sequence[Post]:
    """The author is a many-to-one: joined into the same statement, so no N+1."""
    statement = (
        select(Post)
        .options(joinedload(Post.author))
        .order_by(*NEWEST_FIRST)
        .limit(limit)
        .offset(offset)
    )
    return db.scalars(statement).all()


def get_post_with_author(db: Session, post_id: int) -> Post:
    post = db.scalar(select(Post).where(Post.id == post_id).options(joinedload(Post.author)))
    if post is None:
        raise NotFound("Post not found")
    return post


def list_posts_of_user(db: Session, *, user_id: int, limit: int, offset: int) -> Sequence[Post]:
    get_user(db, user_id)
    statement = (
        select(Post)
        .where(Post.user_id == user_id)
        .order_by(*NEWEST_FIRST)
        .limit(limit)
        .offset(offset)
    )
    return db.scalars(statement).all()


def delete_post(db: Session, *, post_id: int, actor: User) -> None:
    post = db.get(Post, post_id)
    if post is None:
        raise NotFound("Post not found")
    require_owner_or_superuser(actor, owner_id=post.user_id, action="delete this post")
    db.delete(post)
    db.flush()
    logger.info("post_deleted", post_id=post_id, by_user_id=actor.id)
