"""The catalogue in docs/patterns: every problem has an entry, each complete and true."""

import re
from pathlib import Path

import pytest

from tests.doc_references import REPO_ROOT, broken_references
from tests.patterns.test_app_guards import GUARDS

CATALOGUE = REPO_ROOT / "docs" / "patterns"
INDEX = CATALOGUE / "README.md"

# Each problem of the original guide, and text from its symptom that a search must find there.
REQUIRED_ENTRIES = {
    "imports.md": ["ModuleNotFoundError", "ImportError"],
    "session-not-closed.md": ["QueuePool limit"],
    "lazy-load-outside-session.md": ["DetachedInstanceError"],
    "pydantic-validation.md": ["422", "model_dump"],
    "route-shadowing.md": ["422", "int_parsing"],
    "migration-errors.md": ["Target database is not up to date", "New upgrade operations detected"],
    "foreign-key-on-delete.md": [
        "IntegrityError",
        "ForeignKeyViolation",
        "FOREIGN KEY constraint failed",
    ],
    "n-plus-one.md": ["legacy_posts.user_id", "The unique() method must be invoked"],
    "batch-processing.md": ["OFFSET", "rows skipped"],
    "jwt-errors.md": ["500", "JWTError", "name 'db' is not defined"],
    "sql-injection.md": ["' OR '1'='1", "ArgumentError"],
    "settings.md": ["PydanticImportError", "BaseSettings"],
    "cors.md": ["405", "Access-Control-Allow-Origin"],
    "test-isolation.md": ["assert 1 == 0"],
    "logging.md": ["User created", "email=private.person@example.com"],
}

# The guide's own "fixed" snippets that are wrong or dated, and the entry that corrects each.
GUIDE_MISTAKES = [
    ("from pydantic import BaseSettings", "settings.md"),
    ("class Config", "settings.md"),
    (".dict()", "pydantic-validation.md"),
    ('@field_validator("email")', "pydantic-validation.md"),
    ("get_user_by_username(db, username=username)", "jwt-errors.md"),
    (".offset(offset).limit(batch_size)", "batch-processing.md"),
    ("n²/2b", "batch-processing.md"),
    ("email=user.email", "logging.md"),
    ("db.query", "n-plus-one.md"),
    ("joinedload(User.posts)", "n-plus-one.md"),
    ('scope="session"', "test-isolation.md"),
    ("drop_all", "test-isolation.md"),
    ("raise HTTPException", "foreign-key-on-delete.md"),
    ("db.commit()", "foreign-key-on-delete.md"),
    ("alembic downgrade -1", "migration-errors.md"),
    ("LazyLoadingError", "lazy-load-outside-session.md"),
]

# The guide's report format (§10), preceded by the symptom.
SECTIONS = ["Symptom", "Cause", "Fix", "Scope", "Test result", "Prevention"]
FENCE = re.compile(r"^```", re.M)
PROOF_ID = re.compile(r"tests/patterns/test_\w+\.py::test_\w+")
LINK = re.compile(r"\]\(([^)#\s]+)\)")


def entries() -> list[Path]:
    return sorted(path for path in CATALOGUE.glob("*.md") if path != INDEX)


def sections(markdown: str) -> dict[str, str]:
    """The level-2 sections, keyed by heading without its Japanese gloss: 'Cause (問題の原因)'."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {heading.split(" (")[0].strip(): body for heading, body in pairs}


def sentences(paragraphs: str) -> int:
    prose = re.sub(r"`[^`]*`", "code", paragraphs)
    return len(re.findall(r"[.!?](?=\s|$)", prose.strip()))


def test_every_problem_of_the_guide_has_an_entry_listed_in_the_index() -> None:
    linked = set(LINK.findall(INDEX.read_text()))

    assert {path.name for path in entries()} == set(REQUIRED_ENTRIES)
    assert set(REQUIRED_ENTRIES) <= linked


@pytest.mark.parametrize("name", REQUIRED_ENTRIES)
def test_the_entry_has_the_symptom_and_the_five_report_parts_in_order(name: str) -> None:
    markdown = (CATALOGUE / name).read_text()

    assert markdown.startswith("# ")
    assert "Guide heading: 「" in markdown
    assert list(sections(markdown)) == SECTIONS
    assert all(body.strip() for body in sections(markdown).values())


@pytest.mark.parametrize("name", REQUIRED_ENTRIES)
def test_the_symptom_quotes_the_real_error_text(name: str) -> None:
    symptom = sections((CATALOGUE / name).read_text())["Symptom"]

    assert FENCE.search(symptom), "the symptom is quoted verbatim in a code block"
    for text in REQUIRED_ENTRIES[name]:
        assert text in symptom


@pytest.mark.parametrize("name", REQUIRED_ENTRIES)
def test_the_cause_is_two_or_three_sentences(name: str) -> None:
    assert 2 <= sentences(sections((CATALOGUE / name).read_text())["Cause"]) <= 3


@pytest.mark.parametrize("name", REQUIRED_ENTRIES)
def test_the_fix_shows_broken_and_fixed_code_and_where_it_lives(name: str) -> None:
    fix = sections((CATALOGUE / name).read_text())["Fix"]
    broken, fixed = fix.split("### Broken")[1].split("### Fixed")

    assert FENCE.search(broken)
    assert FENCE.search(fixed)
    assert "Where it lives" in fixed
    assert re.search(r"`(app|tests|alembic)/[\w/]+\.py::\w+", fixed), "a file and a symbol"


@pytest.mark.parametrize("name", REQUIRED_ENTRIES)
def test_the_test_result_names_a_proof_under_tests_patterns(name: str) -> None:
    result = sections((CATALOGUE / name).read_text())["Test result"]

    assert PROOF_ID.search(result)


@pytest.mark.parametrize("path", [INDEX, *entries()], ids=lambda path: path.name)
def test_every_file_symbol_test_id_and_make_target_named_exists(path: Path) -> None:
    markdown = path.read_text()

    assert broken_references(markdown) == []
    assert set(re.findall(r"\[(no-[\w-]+)\]", markdown)) <= set(GUARDS)


@pytest.mark.parametrize("path", [INDEX, *entries()], ids=lambda path: path.name)
def test_every_relative_link_resolves(path: Path) -> None:
    targets = [link for link in LINK.findall(path.read_text()) if "://" not in link]

    assert [link for link in targets if not (path.parent / link).exists()] == []


@pytest.mark.parametrize(("snippet", "name"), GUIDE_MISTAKES)
def test_each_of_the_guides_own_mistakes_is_taken_up_by_its_entry(snippet: str, name: str) -> None:
    assert snippet in (CATALOGUE / name).read_text()


def test_the_reference_checker_reports_what_does_not_exist() -> None:
    text = "`app/missing.py`, `app/main.py::no_such_name`, `make no-such-target`, `app/main.py`"

    assert broken_references(text) == [
        "missing path: app/missing.py",
        "missing symbol: app/main.py::no_such_name",
        "missing make target: no-such-target",
    ]
