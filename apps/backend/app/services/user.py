"""User data functions: each takes `db: Session`, flushes, never commits."""

from collections.abc import Iterator, Sequence
from typing import Any

import structlog
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, with_expression

from app.core.errors import Conflict, NotFound
from app.core.security import hash_password
from app.models.post import Post
from app.models.user import User
from app.services.access import require_owner_or_superuser

logger = structlog.get_logger(__name__)

UNIQUE_FIELDS = ("email", "username")


def _duplicate_detail(exc: IntegrityError) -> str:
    message = str(exc.orig)
    for field in UNIQUE_FIELDS:
        # PostgreSQL names the constraint, SQLite the column.
        if f"uq_users_{field}" in message or f"users.{field}" in message:
            return f"A user with this {field} already exists"
    return "A user with this email or username already exists"


def _save_unique(db: Session, user: User, changes: dict[str, Any]) -> None:
    """Trust the unique constraint, not a check-then-insert that races: map the violation to 409."""
    try:
        with db.begin_nested():
            db.add(user)
            for field, value in changes.items():
                setattr(user, field, value)
    except IntegrityError as exc:
        raise Conflict(_duplicate_detail(exc)) from None


def create_user(
    db: Session, *, email: str, username: str, name: str, age: int, password: str
) -> User:
    user = User(password_hash=hash_password(password))
    _save_unique(db, user, {"email": email, "username": username, "name": name, "age": age})
    logger.info("user_created", user_id=user.id)
    return user


def update_user(db: Session, user: User, changes: dict[str, Any]) -> User:
    """Apply only the fields the client sent (`model_dump(exclude_unset=True)`)."""
    _save_unique(db, user, changes)
    logger.info("user_updated", user_id=user.id, fields=sorted(changes))
    return user


def get_user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("User not found")
    return user


def get_user_with_posts(db: Session, user_id: int) -> User:
    """Load the posts in the same unit of work, so reading them later needs no session."""
    user = db.scalar(select(User).where(User.id == user_id).options(selectinload(User.posts)))
    if user is None:
        raise NotFound("User not found")
    return user


def find_user_by_login(db: Session, login: str) -> User | None:
    """The OAuth2 form's `username` field accepts a username or an email address."""
    login = login.strip()
    return db.scalar(select(User).where(or_(User.username == login, User.email == login.lower())))


def list_users_with_post_counts(db: Session, *, limit: int, offset: int) -> Sequence[User]:
    """One statement for the whole page: the count is a correlated subquery, not a lazy load."""
    post_count = (
        select(func.count(Post.id)).where(Post.user_id == User.id).correlate(User).scalar_subquery()
    )
    statement = (
        select(User)
        .options(with_expression(User.post_count, post_count))
        .order_by(User.id)
        .limit(limit)
        .offset(offset)
    )
    return db.scalars(statement).all()


def search_users_by_name(db: Session, *, name: str, limit: int, offset: int) -> Sequence[User]:
    """Bound parameters only; autoescape makes `%` and `_` in the term match themselves."""
    statement = (
        select(User)
        .where(User.name.icontains(name, autoescape=True))
        .order_by(User.id)
        .limit(limit)
        .offset(offset)
    )
    return db.scalars(statement).all()


def iter_users_in_batches(db: Session, *, batch_size: int) -> Iterator[Sequence[User]]:
    """Keyset batches (`WHERE id > last_id`): each one costs the same, unlike OFFSET's rescans."""
    last_id = 0
    while batch := db.scalars(
        select(User).where(User.id > last_id).order_by(User.id).limit(batch_size)
    ).all():
        yield batch
        last_id = batch[-1].id
        # Forget the rows already handled, so memory stays flat however large the table.
        db.expunge_all()


def promote_to_superuser(db: Session, user: User) -> User:
    user.is_superuser = True
    user.is_active = True
    db.flush()
    logger.info("user_promoted", user_id=user.id)
    return user


def delete_user(db: Session, *, user_id: int, actor: User) -> None:
    """The posts go with the user in one transaction (ON DELETE CASCADE), never orphaned."""
    user = get_user(db, user_id)
    require_owner_or_superuser(actor, owner_id=user.id, action="delete this user")
    db.delete(user)
    db.flush()
    logger.info("user_deleted", user_id=user_id, by_user_id=actor.id)
