"""Environment settings: the guide's pydantic v1 `BaseSettings` and a bare `os.getenv`."""

import os

import pytest
from pydantic import ValidationError
from pydantic.errors import PydanticImportError
from pydantic.warnings import PydanticDeprecatedSince20
from pydantic_settings import BaseSettings
from sqlalchemy import create_engine
from sqlalchemy.exc import ArgumentError

from app.core.config import Settings, describe_validation_error

KEY = "a-long-enough-secret-key-for-these-tests-0123456789"


def test_importing_base_settings_from_pydantic_fails_on_v2() -> None:
    with pytest.raises(PydanticImportError, match="moved to the `pydantic-settings` package"):
        from pydantic import BaseSettings  # noqa: F401 - the import itself is the failure


def test_a_class_based_config_is_deprecated_on_v2() -> None:
    with pytest.warns(PydanticDeprecatedSince20, match="class-based `config` is deprecated"):

        class GuideSettings(BaseSettings):
            secret_key: str = KEY

            class Config:
                env_file = ".env"


def test_an_unset_variable_reaches_the_engine_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)

    with pytest.raises(ArgumentError, match="Expected string or URL object, got None"):
        create_engine(os.getenv("DATABASE_URL"))  # type: ignore[arg-type]


def test_a_plain_str_secret_shows_in_the_settings_repr() -> None:
    class GuideSettings(BaseSettings):
        secret_key: str

    assert KEY in repr(GuideSettings(_env_file=None, secret_key=KEY))  # type: ignore[call-arg]
    assert KEY not in repr(Settings(_env_file=None, secret_key=KEY))


def test_a_missing_secret_key_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SECRET_KEY")

    with pytest.raises(ValidationError) as error:
        Settings(_env_file=None)

    assert describe_validation_error(error.value) == (
        "Invalid configuration: SECRET_KEY: Field required"
    )
