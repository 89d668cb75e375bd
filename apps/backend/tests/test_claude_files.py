"""The /fix-backend command and its subagent: valid front matter; everything they name exists."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.doc_references import FENCED_BLOCK, REPO_ROOT, broken_references

COMMAND = REPO_ROOT / ".claude" / "commands" / "fix-backend.md"
AGENT = REPO_ROOT / ".claude" / "agents" / "backend-developer.md"
CLAUDE_CODE_TOOLS = {"Read", "Edit", "MultiEdit", "Write", "Bash", "Grep", "Glob"}
# The original guide's snippets that this project retired; runnable blocks must not bring them back.
RETIRED = ["from pydantic import BaseSettings", ".dict()", "db.query(", ".offset(offset)"]


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """The YAML between the opening `---` lines, and the Markdown body after it."""
    text = path.read_text()
    assert text.startswith("---\n"), f"{path.name} has no front matter"
    header, body = text.removeprefix("---\n").split("\n---\n", 1)
    data = yaml.safe_load(header)
    assert isinstance(data, dict)
    return data, body


def tools(value: str) -> set[str]:
    return {tool.strip() for tool in value.split(",")}


def test_the_command_front_matter_has_description_argument_hint_and_allowed_tools() -> None:
    data, _ = front_matter(COMMAND)

    assert set(data) == {"description", "argument-hint", "allowed-tools"}
    assert all(isinstance(value, str) and value.strip() for value in data.values())
    assert tools(data["allowed-tools"]) <= CLAUDE_CODE_TOOLS


def test_the_agent_front_matter_has_name_description_and_tools() -> None:
    data, body = front_matter(AGENT)

    assert set(data) == {"name", "description", "tools"}
    assert data["name"] == AGENT.stem
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", data["name"])
    assert isinstance(data["description"], str)
    assert data["description"].strip()
    assert tools(data["tools"]) <= CLAUDE_CODE_TOOLS
    assert body.strip()


def test_the_command_passes_its_arguments_to_the_subagent() -> None:
    agent, _ = front_matter(AGENT)
    _, body = front_matter(COMMAND)

    assert "$ARGUMENTS" in body
    assert f"@{agent['name']}" in body


def test_the_command_starts_from_the_catalogue_and_its_proofs() -> None:
    _, body = front_matter(COMMAND)

    assert "docs/patterns/README.md" in body
    assert "python -m pytest tests/patterns -v" in body
    for section in ("Cause", "Fix", "Scope", "Test result", "Prevention"):
        assert f"**{section}**" in body


@pytest.mark.parametrize("path", [COMMAND, AGENT], ids=lambda path: path.name)
def test_every_path_and_make_target_mentioned_exists(path: Path) -> None:
    assert broken_references(path.read_text()) == []


@pytest.mark.parametrize("path", [COMMAND, AGENT], ids=lambda path: path.name)
def test_no_runnable_block_uses_a_retired_snippet(path: Path) -> None:
    blocks = "\n".join(FENCED_BLOCK.findall(path.read_text()))

    assert [snippet for snippet in RETIRED if snippet in blocks] == []
