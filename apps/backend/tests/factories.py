"""Small factories: `make_user(db, **overrides)`, `make_post(db, author, **overrides)`."""

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.security import create_access_token, hash_password
from app.models.post import Post
from app.models.user import User

PASSWORD = "correct-horse-battery"
# A valid POST /users body; tests change one field at a time with `NEW_USER | {...}`.
NEW_USER = {
    "email": "runner@example.com",
    "username": "runner",
    "name": "Road Runner",
    "age": 28,
    "password": "long-enough-secret",
}
# Hashing is deliberately slow; one hash serves every factory-made user.
PASSWORD_HASH = hash_password(PASSWORD)
_sequence = itertools.count(1)


def make_user(db: Session, **overrides: Any) -> User:
    n = next(_sequence)
    fields: dict[str, Any] = {
        "email": f"athlete{n}@example.com",
        "username": f"athlete{n}",
        "name": f"Athlete {n}",
        "age": 30,
        "password_hash": PASSWORD_HASH,
    }
    user = User(**(fields | overrides))
    db.add(user)
    db.flush()
    return user


def make_post(db: Session, author: User, **overrides: Any) -> Post:
    n = next(_sequence)
    fields: dict[str, Any] = {"title": f"Session {n}", "content": "5 km easy run"}
    post = Post(user_id=author.id, **(fields | overrides))
    db.add(post)
    db.flush()
    return post


def auth_headers(user: User, *, minutes: int = 5) -> dict[str, str]:
    token = create_access_token(
        str(user.id), secret_key=settings.secret_key.get_secret_value(), expires_minutes=minutes
    )
    return {"Authorization": f"Bearer {token}"}


def minutes_ago(minutes: int) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=minutes)
