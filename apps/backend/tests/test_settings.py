"""Settings: pydantic-settings v2, `.env` support, and one clear line for a bad configuration."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.core.config import Settings

BACKEND_DIR = Path(__file__).resolve().parents[1]
LONG_KEY = "k" * 40


def start_app(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Import the app in a clean process, from a directory whose `.env` we control."""
    names = {name.upper() for name in Settings.model_fields}
    clean = {key: value for key, value in os.environ.items() if key.upper() not in names}
    return subprocess.run(
        [sys.executable, "-c", "import app.main"],
        cwd=tmp_path,
        env=clean | {"PYTHONPATH": str(BACKEND_DIR)} | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_missing_secret_key_stops_start_up_with_one_line(tmp_path: Path) -> None:
    result = start_app(tmp_path)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Invalid configuration: SECRET_KEY: Field required"
    ]


def test_secret_key_is_read_from_the_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"SECRET_KEY={LONG_KEY}\n")

    result = start_app(tmp_path)

    assert result.returncode == 0, result.stderr


def test_short_secret_key_is_refused_in_production(tmp_path: Path) -> None:
    result = start_app(tmp_path, SECRET_KEY="short", ENVIRONMENT="production")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Invalid configuration: SECRET_KEY: must be at least 32 characters in production"
    ]


def test_invalid_value_names_the_variable(tmp_path: Path) -> None:
    result = start_app(tmp_path, SECRET_KEY=LONG_KEY, ACCESS_TOKEN_EXPIRE_MINUTES="soon")

    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Invalid configuration: ACCESS_TOKEN_EXPIRE_MINUTES:")


def test_wildcard_cors_with_credentials_is_refused() -> None:
    with pytest.raises(ValidationError, match="BACKEND_CORS_ORIGINS"):
        Settings(_env_file=None, secret_key=LONG_KEY, backend_cors_origins="*")


def test_cors_origins_are_a_comma_separated_list() -> None:
    settings = Settings(
        _env_file=None,
        secret_key=LONG_KEY,
        backend_cors_origins="https://a.example, https://b.example",
    )

    assert settings.backend_cors_origins == ["https://a.example", "https://b.example"]


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_plain_postgres_urls_use_the_installed_psycopg_driver(scheme: str) -> None:
    settings = Settings(
        _env_file=None, secret_key=LONG_KEY, database_url=f"{scheme}://u:p@db:5432/training_tracker"
    )

    assert settings.database_url == "postgresql+psycopg://u:p@db:5432/training_tracker"


def test_json_logs_default_on_in_production_only() -> None:
    local = Settings(_env_file=None, secret_key=LONG_KEY)
    production = Settings(_env_file=None, secret_key=LONG_KEY, environment="production")

    assert (local.json_logs, production.json_logs) == (False, True)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://postgres@localhost:5432/training_tracker",
        "sqlite:///./training_tracker.db",
    ],
)
def test_tests_refuse_a_database_whose_name_does_not_end_in_test(url: str) -> None:
    with pytest.raises(ValidationError, match="must end in '_test'"):
        Settings(_env_file=None, secret_key=LONG_KEY, environment="test", test_database_url=url)


def test_under_environment_test_the_engine_uses_the_test_database() -> None:
    settings = Settings(
        _env_file=None,
        secret_key=LONG_KEY,
        environment="test",
        database_url="postgresql+psycopg://prod/training_tracker",
        test_database_url="postgresql+psycopg://localhost/training_tracker_test",
    )

    assert settings.sqlalchemy_database_url.endswith("/training_tracker_test")
