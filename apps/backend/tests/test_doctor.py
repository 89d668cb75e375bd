"""`make doctor`: the diagnosis phase as one command, including a route-shadowing check."""

import sys

from fastapi import APIRouter, FastAPI

from scripts.doctor import shadowed_routes
from tests.commands import run_in_backend


def operations_of(app: FastAPI) -> list[tuple[str, set[str]]]:
    paths = app.openapi()["paths"]
    return [(path, {method.upper() for method in item}) for path, item in paths.items()]


def test_route_check_finds_a_literal_path_declared_after_a_parameter() -> None:
    router = APIRouter()

    @router.get("/users/{user_id}")
    def read_user(user_id: int) -> int:
        return user_id

    @router.get("/users/me")
    def read_me() -> str:
        return "me"

    app = FastAPI()
    app.include_router(router)

    assert shadowed_routes(operations_of(app)) == ["/users/me is shadowed by /users/{user_id}"]


def test_route_check_passes_this_app() -> None:
    from app.main import app

    assert shadowed_routes(operations_of(app)) == []


def test_doctor_reports_every_check_ok_on_a_healthy_backend(engine: object) -> None:
    result = run_in_backend(sys.executable, "-m", "scripts.doctor", timeout=600)

    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout
    assert len(lines) >= 10
    assert all(line.startswith("ok ") for line in lines), result.stdout
    assert any(line.startswith("ok    migration state: ") and "(head)" in line for line in lines)


def test_alembic_history_verbose_runs(engine: object) -> None:
    result = run_in_backend(sys.executable, "-m", "alembic", "history", "--verbose")

    assert result.returncode == 0, result.stderr
    assert "Create users and posts" in result.stdout
