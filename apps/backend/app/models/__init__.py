"""Importing any model imports them all, so relationships between them always resolve."""

from app.models.post import Post
from app.models.user import User

__all__ = ["Post", "User"]
