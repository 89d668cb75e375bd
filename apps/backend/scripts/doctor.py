"""Diagnose the backend in one command: every check of the fix-backend diagnosis phase, in order.

Usage (from apps/backend): python -m scripts.doctor
Each check prints one line; the exit status is the number of failed checks (0 when healthy).
"""

import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

PYTHON = sys.executable
_PARAM = re.compile(r"\{[^}]+\}")


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]


class CheckFailed(Exception):
    """A check's one-line reason for failing."""


def command(*args: str, timeout: int = 300) -> str:
    """Run a command; its last line of output is the result, a non-zero exit is a failure."""
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    lines = (result.stdout.strip() or result.stderr.strip()).splitlines()
    last = lines[-1] if lines else "ok"
    if result.returncode != 0:
        raise CheckFailed(last)
    return last


def shadowed_routes(operations: Iterable[tuple[str, set[str]]]) -> list[str]:
    """Literal paths that an earlier `{param}` path with the same method would swallow."""
    found = []
    earlier: list[tuple[str, set[str], re.Pattern[str]]] = []
    for path, methods in operations:
        for param_path, param_methods, pattern in earlier:
            if methods & param_methods and not _PARAM.search(path) and pattern.fullmatch(path):
                found.append(f"{path} is shadowed by {param_path}")
        if _PARAM.search(path):
            parts = _PARAM.split(path)
            pattern = re.compile("[^/]+".join(re.escape(part) for part in parts))
            earlier.append((path, methods, pattern))
    return found


def check_routes() -> str:
    """Uses the OpenAPI document, whose paths keep the order the routes were declared in."""
    from app.main import app

    paths = app.openapi()["paths"]
    operations = [(path, {method.upper() for method in item}) for path, item in paths.items()]
    problems = shadowed_routes(operations)
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(operations)} paths, none shadowed"


def check_database() -> str:
    from sqlalchemy import text

    from app.db.session import engine

    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return f"connected ({engine.url.get_backend_name()})"


def check_tables() -> str:
    from sqlalchemy import inspect

    from app.db.base import Base
    from app.db.session import engine

    missing = set(Base.metadata.tables) - set(inspect(engine).get_table_names())
    if missing:
        raise CheckFailed(f"missing tables {sorted(missing)}: run `make migrate`")
    return f"tables present: {', '.join(sorted(Base.metadata.tables))}"


CHECKS = [
    Check("syntax", lambda: command(PYTHON, "-m", "py_compile", "app/main.py")),
    Check("settings and imports", lambda: command(PYTHON, "-c", "import app.main")),
    Check("dependencies", lambda: command(PYTHON, "-m", "pip", "check")),
    Check("types", lambda: command(PYTHON, "-m", "mypy", "--strict", "app/", "--show-error-codes")),
    Check("routes", check_routes),
    Check("database", check_database),
    Check(
        "migration state",
        lambda: command(PYTHON, "-m", "alembic", "current", "--check-heads"),
    ),
    Check("tables", check_tables),
    Check("model drift", lambda: command(PYTHON, "-m", "alembic", "check")),
    Check("lint", lambda: command(PYTHON, "-m", "ruff", "check", "app/")),
    Check(
        "security",
        lambda: command(PYTHON, "-m", "bandit", "-q", "-c", "pyproject.toml", "-r", "app/"),
    ),
]


def main() -> int:
    failures = 0
    for check in CHECKS:
        try:
            detail = check.run()
        except CheckFailed as exc:
            failures += 1
            print(f"FAIL  {check.name}: {exc}")
        except (Exception, SystemExit) as exc:  # a crash is a finding, not a reason to stop
            failures += 1
            reason = str(exc) if isinstance(exc, SystemExit) else f"{type(exc).__name__}: {exc}"
            print(f"FAIL  {check.name}: {reason}".splitlines()[0])
        else:
            print(f"ok    {check.name}: {detail}")
    return failures


if __name__ == "__main__":
    sys.exit(main())
