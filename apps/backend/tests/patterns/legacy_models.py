"""Tables modelled the way the original guide's snippets assume, to reproduce its bugs.

Default lazy loading (`lazy="select"`), no `ON DELETE CASCADE`, no ORM cascade: what a model gets
when nobody chose otherwise. They live in their own metadata and are created inside the test's
transaction (see `legacy_tables` in conftest), so they vanish with its rollback.
"""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class LegacyBase(DeclarativeBase):
    pass


class LegacyUser(LegacyBase):
    __tablename__ = "legacy_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    posts: Mapped[list["LegacyPost"]] = relationship()


class LegacyPost(LegacyBase):
    __tablename__ = "legacy_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("legacy_users.id"))
    title: Mapped[str] = mapped_column(String(200))
