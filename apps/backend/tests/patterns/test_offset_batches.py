"""Batching with OFFSET: every batch re-reads all earlier rows, and a deletion makes it skip one."""

from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import Connection, delete, func, select
from sqlalchemy.orm import Session

from app.models.user import User
from app.services.user import iter_users_in_batches
from tests.factories import make_user
from tests.statements import Statement, recording_selects

BATCH_SIZE = 10
USERS = 40
# Far more batches than any test table needs: a runaway loop fails instead of hanging.
MAX_BATCHES = 1_000


def offset_batches(db: Session, *, batch_size: int) -> Iterator[Sequence[User]]:
    """The original guide's loop (with the ORDER BY it forgot): LIMIT n OFFSET k, k += n."""
    offset = 0
    for _ in range(MAX_BATCHES):
        users = db.query(User).order_by(User.id).offset(offset).limit(batch_size).all()
        if not users:
            return
        yield users
        offset += batch_size
    raise AssertionError("more batches than MAX_BATCHES")


def rows_skipped(connection: Connection, statement: Statement) -> int:
    """Rows the database produced for a batch and threw away before returning any.

    PostgreSQL reports it: EXPLAIN ANALYZE's Limit node pulls `offset + limit` rows from the
    scan or sort beneath it. SQLite has no per-node row counts; OFFSET k makes it step over k
    rows, so the bound value is the measure there.
    """
    if connection.dialect.name != "postgresql":
        return statement.offset
    [explained] = connection.exec_driver_sql(
        f"EXPLAIN (ANALYZE, FORMAT JSON) {statement.sql}", statement.parameters
    ).scalar_one()
    limit = explained["Plan"]
    assert limit["Node Type"] == "Limit"
    return int(limit["Plans"][0]["Actual Rows"]) - int(limit["Actual Rows"])


@pytest.fixture
def forty_users(db: Session) -> list[int]:
    ids = [make_user(db).id for _ in range(USERS)]
    db.expunge_all()
    assert db.scalar(select(func.count()).select_from(User)) == USERS
    return ids


def test_offset_batches_step_over_more_rows_each_time(
    db: Session, connection: Connection, forty_users: list[int]
) -> None:
    with recording_selects(connection) as statements:
        seen = [user.id for batch in offset_batches(db, batch_size=BATCH_SIZE) for user in batch]

    assert seen == forty_users
    skipped = [rows_skipped(connection, statement) for statement in statements]
    # 0, 10, 20, 30, then 40 to learn the table is exhausted: about n²/2b rows, quadratic in n.
    assert skipped == [0, 10, 20, 30, 40]
    assert sum(skipped) == 100


def test_keyset_batches_skip_nothing_and_cost_the_same_each_time(
    db: Session, connection: Connection, forty_users: list[int]
) -> None:
    with recording_selects(connection) as statements:
        seen = [
            user.id for batch in iter_users_in_batches(db, batch_size=BATCH_SIZE) for user in batch
        ]

    assert seen == forty_users
    assert len(statements) == len(forty_users) // BATCH_SIZE + 1
    assert [rows_skipped(connection, statement) for statement in statements] == [0] * 5
    assert all("users.id >" in statement.sql for statement in statements)


def test_offset_batches_skip_a_user_when_a_handled_one_is_deleted_meanwhile(
    db: Session, forty_users: list[int]
) -> None:
    """A purge job, or anyone else, deleting handled rows shifts every later row down."""
    seen: list[int] = []
    for batch in offset_batches(db, batch_size=BATCH_SIZE):
        seen.extend(user.id for user in batch)
        db.execute(delete(User).where(User.id == batch[0].id))

    # Each deletion moves the next unseen row into the range the next OFFSET jumps over.
    missed = [user_id for user_id in forty_users if user_id not in seen]
    assert missed == [forty_users[10], forty_users[21], forty_users[32]]


def test_keyset_batches_see_every_user_while_handled_ones_are_deleted(
    db: Session, forty_users: list[int]
) -> None:
    seen: list[int] = []
    for batch in iter_users_in_batches(db, batch_size=BATCH_SIZE):
        seen.extend(user.id for user in batch)
        db.execute(delete(User).where(User.id == batch[0].id))

    assert seen == forty_users
