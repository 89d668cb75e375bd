"""`python -m app.cli create-superuser`: creates or promotes, and fails in one line."""

import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.models.user import User
from tests.factories import make_user


def test_create_superuser_creates_an_account(
    db: Session, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-strong-password\n"))
    argv = ["create-superuser", "--email", "Boss@Example.com", "--username", "boss"]

    assert main([*argv, "--password-stdin"], session_factory=lambda: db) == 0

    user = db.scalars(select(User).where(User.username == "boss")).one()
    assert (user.email, user.is_superuser) == ("boss@example.com", True)
    assert capsys.readouterr().out.startswith("created superuser")


def test_create_superuser_promotes_an_existing_account(
    db: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    user = make_user(db, username="coach")
    argv = ["create-superuser", "--email", "x@example.com", "--username", "coach"]

    assert main(argv, session_factory=lambda: db) == 0

    assert db.get(User, user.id).is_superuser is True
    assert capsys.readouterr().out.startswith(f"promoted user {user.id}")


def test_create_superuser_with_a_short_password_is_a_one_line_error(
    db: Session, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    argv = ["create-superuser", "--email", "a@example.com", "--username", "newboss"]

    assert main([*argv, "--password-stdin"], session_factory=lambda: db) == 2

    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("Invalid input: PASSWORD:")
    assert db.scalars(select(User).where(User.username == "newboss")).first() is None
