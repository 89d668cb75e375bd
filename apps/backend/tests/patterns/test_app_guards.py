"""Guards that keep retired patterns out of app/: each is shown to catch the guide's snippet."""

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from app.core.logging import SENSITIVE_KEYS
from tests.commands import BACKEND_DIR

LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "msg"}
SQL_RUNNERS = {"text", "execute", "exec_driver_sql"}


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def called_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def method_calls(*names: str) -> Callable[[ast.AST], list[int]]:
    def find(tree: ast.AST) -> list[int]:
        return [
            call.lineno
            for call in calls(tree)
            if isinstance(call.func, ast.Attribute) and call.func.attr in names
        ]

    return find


def print_calls(tree: ast.AST) -> list[int]:
    return [
        call.lineno
        for call in calls(tree)
        if isinstance(call.func, ast.Name) and call.func.id == "print"
    ]


def sql_built_from_strings(tree: ast.AST) -> list[int]:
    """SQL text made with an f-string, `%`, `+` or `.format()`: values pasted into SQL."""

    def built(node: ast.expr) -> bool:
        if isinstance(node, ast.JoinedStr | ast.BinOp):
            return True
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        )

    return [
        call.lineno
        for call in calls(tree)
        if called_name(call) in SQL_RUNNERS and call.args and built(call.args[0])
    ]


def personal_data_logged(tree: ast.AST) -> list[int]:
    return [
        call.lineno
        for call in calls(tree)
        if isinstance(call.func, ast.Attribute)
        and call.func.attr in LOG_METHODS
        and any(keyword.arg in SENSITIVE_KEYS for keyword in call.keywords)
    ]


def http_exceptions(tree: ast.AST) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.alias)
        and (node.id if isinstance(node, ast.Name) else node.name) == "HTTPException"
    ]


@dataclass(frozen=True)
class Guard:
    find: Callable[[ast.AST], list[int]]
    scope: tuple[str, ...]
    guide_snippet: str
    allowed: tuple[str, ...] = ()


GUARDS = {
    "no-legacy-query-api": Guard(
        method_calls("query"),
        ("app",),
        "user = db.query(User).filter(User.id == user_id).first()",
    ),
    "no-pydantic-v1-methods": Guard(
        method_calls("dict", "json", "parse_obj", "from_orm"),
        ("app",),
        "user = User(**user_data.dict())",
    ),
    "no-sql-built-from-strings": Guard(
        sql_built_from_strings,
        ("app",),
        "query = db.execute(text(f\"SELECT * FROM users WHERE name = '{name}'\"))",
    ),
    "no-personal-data-in-logs": Guard(
        personal_data_logged,
        ("app",),
        'logger.info("User created successfully", user_id=user.id, email=user.email)',
    ),
    # The CLI's output is its user interface; everywhere else, output is a log line.
    "no-print": Guard(print_calls, ("app",), 'print("User created")', allowed=("app/cli.py",)),
    "no-commit-in-services-or-routes": Guard(
        method_calls("commit"), ("app/services", "app/api"), "db.delete(user)\ndb.commit()"
    ),
    "no-http-exception-in-services": Guard(
        http_exceptions,
        ("app/services",),
        'raise HTTPException(status_code=404, detail="User not found")',
    ),
}


def offenders(guard: Guard) -> list[str]:
    found = []
    for scope in guard.scope:
        for path in sorted((BACKEND_DIR / scope).rglob("*.py")):
            name = path.relative_to(BACKEND_DIR).as_posix()
            if name not in guard.allowed:
                found += [f"{name}:{line}" for line in guard.find(ast.parse(path.read_text()))]
    return found


@pytest.mark.parametrize("name", GUARDS)
def test_the_guard_catches_the_guides_snippet(name: str) -> None:
    guard = GUARDS[name]

    assert guard.find(ast.parse(guard.guide_snippet)) != []


@pytest.mark.parametrize("name", GUARDS)
def test_app_code_passes_the_guard(name: str) -> None:
    assert offenders(GUARDS[name]) == []
