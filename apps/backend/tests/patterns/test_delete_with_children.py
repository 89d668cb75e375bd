"""Deleting a user who has posts: the guide's tables refuse it; its fix commits half a job."""

from pathlib import Path

import pytest
from fastapi import HTTPException
from sqlalchemy import Connection, create_engine, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.db.session import create_db_engine
from app.models.post import Post
from app.models.user import User
from app.services.user import delete_user
from tests.factories import make_post, make_user
from tests.patterns.legacy_models import LegacyBase, LegacyPost, LegacyUser

MISSING_ID = 987_654_321


def delete_user_the_guide_way(db: Session, user_id: int) -> LegacyUser:
    """The guide's "fixed" delete: posts first, then an HTTP error and a commit in data code."""
    user = db.query(LegacyUser).filter(LegacyUser.id == user_id).first()
    if not user:
        raise HTTPException(status_code=404, detail="User not found")
    db.query(LegacyPost).filter(LegacyPost.user_id == user_id).delete()
    db.delete(user)
    db.commit()
    return user


def test_the_orm_delete_of_a_user_with_posts_raises_integrity_error(
    db: Session, legacy_users: list[LegacyUser]
) -> None:
    """With a plain relationship the ORM first sets the posts' user_id to NULL, which is refused."""
    user = db.get(LegacyUser, legacy_users[0].id)
    db.delete(user)

    with pytest.raises(IntegrityError) as error:
        db.flush()

    message = str(error.value)
    if db.get_bind().dialect.name == "postgresql":
        assert "NotNullViolation" in message
        assert 'null value in column "user_id" of relation "legacy_posts"' in message
    else:
        assert "NOT NULL constraint failed: legacy_posts.user_id" in message


def test_a_plain_delete_of_a_referenced_row_raises_integrity_error(
    connection: Connection, legacy_users: list[LegacyUser]
) -> None:
    """No ON DELETE CASCADE: the database refuses to leave the posts pointing at nothing."""
    statement = delete(LegacyUser).where(LegacyUser.id == legacy_users[0].id)

    with pytest.raises(IntegrityError) as error, connection.begin_nested():
        connection.execute(statement)

    message = str(error.value)
    if connection.dialect.name == "postgresql":
        assert "ForeignKeyViolation" in message
        assert 'violates foreign key constraint "legacy_posts_user_id_fkey"' in message
    else:
        assert "FOREIGN KEY constraint failed" in message


def test_sqlite_without_the_foreign_keys_pragma_leaves_orphans(tmp_path: Path) -> None:
    """SQLite ignores foreign keys unless each connection switches them on."""
    plain = create_engine(f"sqlite:///{tmp_path / 'plain_fk_test.db'}")
    configured = create_db_engine(f"sqlite:///{tmp_path / 'configured_fk_test.db'}")
    try:
        for engine in (plain, configured):
            with engine.begin() as conn:
                LegacyBase.metadata.create_all(conn)
                conn.execute(LegacyUser.__table__.insert(), {"id": 1, "name": "Orphan maker"})
                conn.execute(LegacyPost.__table__.insert(), {"user_id": 1, "title": "Left behind"})

        with plain.begin() as conn:
            conn.execute(delete(LegacyUser))
            assert conn.scalar(select(func.count()).select_from(LegacyPost)) == 1
        with (
            pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"),
            configured.begin() as conn,
        ):
            conn.execute(delete(LegacyUser))
    finally:
        plain.dispose()
        configured.dispose()


def test_the_guides_delete_commits_before_the_job_fails(db: Session, legacy_tables: None) -> None:
    first = LegacyUser(name="First", posts=[LegacyPost(title="Run")])
    db.add(first)
    db.commit()

    # One job, two deletions; the second fails, so the job rolls back.
    delete_user_the_guide_way(db, first.id)
    with pytest.raises(HTTPException):
        delete_user_the_guide_way(db, MISSING_ID)
    db.rollback()

    assert db.get(LegacyUser, first.id) is None, "the rollback could not undo the first delete"


def test_the_service_deletes_posts_with_the_user_and_leaves_the_commit_to_the_caller(
    db: Session,
) -> None:
    admin = make_user(db, is_superuser=True)
    first = make_user(db)
    make_post(db, first)
    db.commit()

    # The same job with the service: the second deletion fails, the job rolls back.
    delete_user(db, user_id=first.id, actor=admin)
    assert db.scalar(select(func.count()).select_from(Post).where(Post.user_id == first.id)) == 0
    with pytest.raises(NotFound):
        delete_user(db, user_id=MISSING_ID, actor=admin)
    db.rollback()

    assert db.get(User, first.id) is not None, "nothing was committed, so nothing was lost"
    assert db.scalar(select(func.count()).select_from(Post).where(Post.user_id == first.id)) == 1
