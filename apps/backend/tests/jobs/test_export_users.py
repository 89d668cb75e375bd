"""The users export: JSON Lines, keyset batches, nothing personal in the log, no half files."""

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.jobs.export_users import main, write_users
from tests.factories import make_user
from tests.statements import recording_selects


def test_export_writes_every_user_as_one_json_line(db: Session, tmp_path: Path) -> None:
    users = [make_user(db) for _ in range(7)]
    output = tmp_path / "users.jsonl"

    assert main(["--output", str(output), "--batch-size", "3"], session_factory=lambda: db) == 0

    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [row["id"] for row in rows] == [user.id for user in users]
    assert set(rows[0]) == {"id", "email", "username", "name", "age", "is_active", "created_at"}
    assert not any("password" in key for row in rows for key in row)


def test_export_reads_in_keyset_batches_without_offset(db: Session, connection: Connection) -> None:
    for _ in range(7):
        make_user(db)

    with recording_selects(connection) as statements:
        count = write_users(db, io.StringIO(), batch_size=3)

    assert count == 7
    # 3 + 3 + 1 rows, then one empty batch that ends the loop.
    assert len(statements) == 4
    # Every batch seeks past the last id instead of skipping rows with OFFSET (SQLite always
    # writes `OFFSET ?`, so the bound value is what tells).
    assert all("users.id >" in s.sql and s.offset == 0 for s in statements)


def test_export_to_stdout(
    db: Session, capsys: pytest.CaptureFixture[str], events: Callable[[], list[dict[str, Any]]]
) -> None:
    user = make_user(db, email="exported@example.com")

    assert main(["--output", "-"], session_factory=lambda: db) == 0

    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["email"] == "exported@example.com"
    [summary] = [e for e in events() if e["event"] == "users_exported"]
    assert summary["count"] == 1
    assert user.email not in json.dumps(summary)


def test_export_to_a_missing_directory_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--output", str(tmp_path / "missing" / "users.jsonl")])

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith("does not exist")


def test_a_failed_export_leaves_no_partial_file(db: Session, tmp_path: Path) -> None:
    make_user(db)
    output = tmp_path / "users.jsonl"
    output.write_text("previous export\n")

    def broken_session() -> Session:
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        main(["--output", str(output)], session_factory=broken_session)

    assert output.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["users.jsonl"]
