"""SQL injection: a value pasted into the SQL text becomes SQL; a bound parameter stays a value."""

import pytest
from sqlalchemy import Row, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from app.services.user import search_users_by_name
from tests.factories import make_user

PAYLOAD = "' OR '1'='1"


def search_users_the_guide_way(db: Session, name: str) -> list[Row[tuple[object, ...]]]:
    """The guide's query, wrapped in text() as SQLAlchemy 2 demands: still injectable."""
    # Injectable on purpose: this is the bug under proof (S608 is not enforced in tests/).
    query = f"SELECT * FROM users WHERE name = '{name}'"
    return list(db.execute(text(query)).fetchall())


def test_the_guides_query_as_printed_does_not_run_on_sqlalchemy_2(db: Session) -> None:
    # A plain string: SQLAlchemy 2 refuses it before anything reaches the database.
    query = f"SELECT * FROM users WHERE name = '{PAYLOAD}'"

    with pytest.raises(ArgumentError, match="should be explicitly declared as text"):
        db.execute(query)


def test_an_f_string_query_returns_every_row_for_a_quote_payload(db: Session) -> None:
    for name in ("Alice", "Bob", "Carol"):
        make_user(db, name=name)

    assert search_users_the_guide_way(db, "Alice") != []
    rows = search_users_the_guide_way(db, PAYLOAD)

    assert sorted(row.name for row in rows) == ["Alice", "Bob", "Carol"]


def test_the_bound_parameter_search_matches_nothing_for_the_same_payload(db: Session) -> None:
    for name in ("Alice", "Bob", "Carol"):
        make_user(db, name=name)

    assert search_users_by_name(db, name=PAYLOAD, limit=100, offset=0) == []
    assert [user.name for user in search_users_by_name(db, name="ali", limit=100, offset=0)] == [
        "Alice"
    ]
