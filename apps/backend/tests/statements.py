"""Record the SELECTs a block sends, with their parameters: what the database was asked to do."""

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event

# psycopg renders `OFFSET %(param_2)s::INTEGER`, SQLite `OFFSET ?`, literal binds `OFFSET 20`.
_OFFSET = re.compile(r"\bOFFSET\s+(?:%\((?P<name>\w+)\)s|(?P<qmark>\?)|(?P<literal>\d+))", re.I)


@dataclass(frozen=True)
class Statement:
    sql: str
    parameters: Any

    @property
    def offset(self) -> int:
        """The rows the database is told to skip; 0 when the statement has no OFFSET.

        SQLite's dialect always writes `LIMIT ? OFFSET ?`, with 0 when no offset was asked for,
        so the text alone cannot tell; the bound value can.
        """
        match = _OFFSET.search(self.sql)
        if match is None:
            return 0
        if match["literal"] is not None:
            return int(match["literal"])
        if match["name"] is not None:
            assert isinstance(self.parameters, Mapping)
            return int(self.parameters[match["name"]])
        assert isinstance(self.parameters, Sequence)
        return int(self.parameters[self.sql.count("?", 0, match.start("qmark"))])


@contextmanager
def recording_selects(connection: Connection) -> Iterator[list[Statement]]:
    """Collect every SELECT sent on `connection` inside the `with` block."""
    statements: list[Statement] = []

    def record(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_args: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append(Statement(sql, parameters))

    event.listen(connection, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", record)
