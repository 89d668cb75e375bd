"""Imports: absolute `app.` imports only, and the diagnosis commands work as written."""

import ast
import sys

from tests.commands import BACKEND_DIR, run_in_backend


def test_app_uses_absolute_imports_only() -> None:
    relative = []
    for path in (BACKEND_DIR / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                relative.append(f"{path.relative_to(BACKEND_DIR)}:{node.lineno}")

    assert relative == []


def test_main_compiles() -> None:
    result = run_in_backend(sys.executable, "-m", "py_compile", "app/main.py")

    assert result.returncode == 0, result.stderr


def test_engine_imports_without_connecting() -> None:
    result = run_in_backend(
        sys.executable, "-c", "from app.db.session import engine; print('DB Connection OK')"
    )

    assert result.stdout.strip() == "DB Connection OK", result.stderr


def test_reflect_one_liner_lists_the_tables(engine: object) -> None:
    result = run_in_backend(
        sys.executable,
        "-c",
        "from app.db.base import Base; from app.db.session import engine; "
        "Base.metadata.reflect(bind=engine); print(list(Base.metadata.tables.keys()))",
    )

    assert result.returncode == 0, result.stderr
    assert "'users'" in result.stdout
    assert "'posts'" in result.stdout
