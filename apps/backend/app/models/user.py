"""The `users` table."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import String, false, func, true
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from app.db.base_class import Base
from app.db.types import UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.post import Post


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    age: Mapped[int]
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    is_superuser: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )

    # Filled only by queries that ask for it (`with_expression`), so the count is computed in SQL.
    post_count: Mapped[int] = query_expression()

    # lazy="raise": touching posts that no query loaded fails loudly instead of issuing N+1
    # queries (or DetachedInstanceError once the session is gone). passive_deletes: the
    # database's ON DELETE CASCADE removes the posts in the same statement's transaction.
    posts: Mapped[list["Post"]] = relationship(
        back_populates="author",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="[Post.created_at.desc(), Post.id.desc()]",
    )
