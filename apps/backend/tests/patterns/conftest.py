"""Fixtures for the proofs: the guide's tables, created inside each test's transaction."""

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from tests.patterns.legacy_models import LegacyBase, LegacyPost, LegacyUser


@pytest.fixture
def legacy_tables(connection: Connection) -> None:
    """DDL inside the test transaction: PostgreSQL and SQLite both roll it back with the data."""
    LegacyBase.metadata.create_all(connection)


@pytest.fixture
def legacy_users(db: Session, legacy_tables: None) -> list[LegacyUser]:
    """Five users with two posts each, flushed and then forgotten by the session."""
    users = [
        LegacyUser(name=f"Legacy {i}", posts=[LegacyPost(title=f"Run {i}.{j}") for j in range(2)])
        for i in range(5)
    ]
    db.add_all(users)
    db.flush()
    db.expunge_all()
    return users
