"""`Base` with every model imported, so `Base.metadata` is complete for Alembic and tests."""

from app.db.base_class import Base
from app.models.post import Post
from app.models.user import User

__all__ = ["Base", "Post", "User"]
