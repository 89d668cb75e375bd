"""The Dockerfile, read where no image can be built: what it copies exists, what it runs is tested.

hadolint (in `make lint`) checks the Dockerfile's practices; these tests check its references.
"""

import json
import re
from pathlib import Path

from tests.commands import BACKEND_DIR

DOCKERFILE = BACKEND_DIR / "Dockerfile"
DOCKERIGNORE = BACKEND_DIR / ".dockerignore"

Instruction = tuple[str, str]


def stages() -> dict[str, list[Instruction]]:
    """Instructions per stage name, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    result: dict[str, list[Instruction]] = {}
    current: list[Instruction] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        keyword, _, arguments = line.strip().partition(" ")
        if keyword.upper() == "FROM":
            current = result.setdefault(arguments.split()[-1], [])
        current.append((keyword.upper(), arguments.strip()))
    return result


def final_stage() -> list[Instruction]:
    return list(stages().values())[-1]


def arguments(stage: list[Instruction], keyword: str) -> list[str]:
    return [args for word, args in stage if word == keyword]


def test_images_are_a_pinned_slim_python_matching_the_lock_files() -> None:
    lock_python = re.search(
        r"--python-version (\d+\.\d+)", (BACKEND_DIR / "requirements.lock").read_text()
    )
    assert lock_python is not None
    for base in {
        args.split()[0] for stage in stages().values() for args in arguments(stage, "FROM")
    }:
        if base in stages():
            continue
        assert re.fullmatch(rf"python:{re.escape(lock_python.group(1))}\.\d+-slim(-\w+)?", base), (
            base
        )


def test_dependencies_are_installed_from_the_lock_file_with_hashes() -> None:
    builder = stages()["builder"]

    assert any(
        "--require-hashes" in run and "-r requirements.lock" in run
        for run in arguments(builder, "RUN")
    )


def test_the_image_runs_as_a_non_root_user() -> None:
    (user,) = arguments(final_stage(), "USER")

    uid = user.split(":")[0]
    assert uid.isdigit()
    assert int(uid) != 0


def test_the_command_and_health_check_are_the_tested_scripts_in_exec_form() -> None:
    stage = final_stage()
    (command,) = arguments(stage, "CMD")
    (healthcheck,) = arguments(stage, "HEALTHCHECK")
    probe = json.loads(healthcheck[healthcheck.index("CMD") + 3 :])

    assert json.loads(command) == ["sh", "scripts/start.sh"]
    assert probe == ["python", "-m", "scripts.healthcheck"]
    assert (BACKEND_DIR / "scripts" / "start.sh").exists()
    assert (BACKEND_DIR / "scripts" / "healthcheck.py").exists()


def test_the_final_stage_copies_existing_code_and_no_tests_or_secrets() -> None:
    copies = [args for args in arguments(final_stage(), "COPY") if not args.startswith("--from")]
    sources = [source for args in copies for source in args.split()[:-1]]

    assert sources
    for source in sources:
        assert (BACKEND_DIR / source).exists(), source
    assert not {Path(source).parts[0] for source in sources} & {"tests", ".env", ".venv", "."}


def test_the_build_context_leaves_local_state_out() -> None:
    ignored = set(DOCKERIGNORE.read_text().split())

    assert {".venv", ".env", "*.db", ".test-artifacts", "**/__pycache__"} <= ignored
