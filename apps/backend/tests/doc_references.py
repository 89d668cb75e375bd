"""Check what a document names (files, symbols, test ids, make targets) against the repository."""

import ast
import re
from pathlib import Path

from tests.commands import BACKEND_DIR

REPO_ROOT = BACKEND_DIR.parents[1]

# A repository path starts with one of these; `::name` (and a `[param]` id) may follow.
PATH_REFERENCE = re.compile(
    r"(?<![\w/.:-])"
    r"((?:apps/backend/|app/|tests/|alembic/|scripts/|docs/|\.claude/|\.ci/)[\w./-]*)"
    r"(?:::([\w.]+)(?:\[[\w-]+\])?)?"
)
ROOT_FILES = ("Makefile", "pyproject.toml", "alembic.ini", "requirements.lock", "README.md")
INLINE_CODE = re.compile(r"`([^`\n]+)`")
FENCED_BLOCK = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
MAKE_CALL = re.compile(r"(?:^|[\s;&|(])make ([a-z][\w-]*)")
MAKE_TARGET = re.compile(r"^([a-z][\w-]*):", re.M)


def code_text(markdown: str) -> str:
    """The fenced blocks and inline code of a Markdown text: where commands are written."""
    return "\n".join(FENCED_BLOCK.findall(markdown) + INLINE_CODE.findall(markdown))


def resolve(path: str) -> Path | None:
    """Paths are relative to apps/backend (where commands run) or to the repository root."""
    for base in (BACKEND_DIR, REPO_ROOT):
        candidate = base / path
        if candidate.exists():
            return candidate
    return None


def defined_names(body: list[ast.stmt]) -> dict[str, ast.stmt]:
    names: dict[str, ast.stmt] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            names.update({t.id: node for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
    return names


def defines(path: Path, dotted: str) -> bool:
    """Whether `dotted` (`name` or `Class.member`) is defined in the Python file at `path`."""
    body = ast.parse(path.read_text()).body
    for part in dotted.split("."):
        node = defined_names(body).get(part)
        if node is None:
            return False
        body = node.body if isinstance(node, ast.ClassDef) else []
    return True


def make_targets() -> set[str]:
    return set(MAKE_TARGET.findall((REPO_ROOT / "Makefile").read_text()))


def broken_references(markdown: str) -> list[str]:
    """Every path, `path::symbol`, test id and `make` target in the text that does not exist."""
    broken = []
    named = [(match[1].rstrip("."), match[2]) for match in PATH_REFERENCE.finditer(markdown)]
    named += [(span, None) for span in INLINE_CODE.findall(markdown) if span in ROOT_FILES]
    for path, symbol in named:
        found = resolve(path)
        if found is None:
            broken.append(f"missing path: {path}")
        elif symbol is not None and not (found.suffix == ".py" and defines(found, symbol)):
            broken.append(f"missing symbol: {path}::{symbol}")
    targets = make_targets()
    broken += [
        f"missing make target: {target}"
        for target in MAKE_CALL.findall(code_text(markdown))
        if target not in targets
    ]
    return broken
