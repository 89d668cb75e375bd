"""Foreign keys are enforced on every backend (SQLite only when switched on per connection)."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models.post import Post
from app.models.user import User
from tests.factories import make_post, make_user


def test_a_post_for_a_missing_user_is_refused(db: Session) -> None:
    db.add(Post(user_id=987_654_321, title="orphan"))

    with pytest.raises(IntegrityError):
        db.flush()


def test_deleting_a_user_row_cascades_to_posts_in_the_database(db: Session) -> None:
    """The database itself cascades, so a bulk or raw delete cannot leave orphans either."""
    user = make_user(db)
    make_post(db, user)
    db.expunge_all()

    db.execute(User.__table__.delete().where(User.id == user.id))

    assert db.scalar(select(func.count()).select_from(Post).where(Post.user_id == user.id)) == 0
