"""Application settings, read from the environment and from `.env` (pydantic-settings v2)."""

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url

MIN_PRODUCTION_KEY_LENGTH = 32


class Settings(BaseSettings):
    """Typed settings; pydantic v2 moved `BaseSettings` to the `pydantic-settings` package."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///./training_tracker.db"
    secret_key: SecretStr
    environment: Literal["local", "test", "production"] = "local"
    access_token_expire_minutes: int = Field(default=30, gt=0)
    # NoDecode: a comma-separated value is split below instead of being parsed as JSON.
    backend_cors_origins: Annotated[list[str], NoDecode] = ["http://localhost:3000"]
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_json: bool | None = None
    test_database_url: str = "postgresql+psycopg://postgres@localhost:5432/training_tracker_test"

    @field_validator("backend_cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("database_url", "test_database_url")
    @classmethod
    def use_psycopg_driver(cls, value: str) -> str:
        """`postgres://` is no dialect name; bare `postgresql://` may mean psycopg2. Pin psycopg."""
        for scheme in ("postgres://", "postgresql://"):
            if value.startswith(scheme):
                return "postgresql+psycopg://" + value.removeprefix(scheme)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def refuse_unsafe_combinations(self) -> "Settings":
        """Fail at start-up, not at the first request, on settings that are insecure or unsafe."""
        if "*" in self.backend_cors_origins:
            raise ValueError(
                "BACKEND_CORS_ORIGINS: '*' cannot be combined with credentials; list the origins"
            )
        if (
            self.environment == "production"
            and len(self.secret_key.get_secret_value()) < MIN_PRODUCTION_KEY_LENGTH
        ):
            raise ValueError(
                f"SECRET_KEY: must be at least {MIN_PRODUCTION_KEY_LENGTH} characters in production"
            )
        if self.environment == "test":
            require_test_database(self.test_database_url)
        return self

    @property
    def sqlalchemy_database_url(self) -> str:
        """The URL the engine uses: under ENVIRONMENT=test always the test database."""
        return self.test_database_url if self.environment == "test" else self.database_url

    @property
    def json_logs(self) -> bool:
        return self.log_json if self.log_json is not None else self.environment == "production"


def require_test_database(url: str) -> str:
    """Refuse to run tests against a database that is not obviously disposable."""
    database = make_url(url).database or ""
    name = database.rsplit("/", 1)[-1].removesuffix(".db").removesuffix(".sqlite")
    if not name.endswith("_test"):
        raise ValueError(
            f"TEST_DATABASE_URL: database name {name!r} must end in '_test'; "
            "tests drop and recreate its tables"
        )
    return url


def describe_validation_error(exc: ValidationError, *, what: str = "configuration") -> str:
    """One line naming each bad variable, instead of a traceback."""
    problems = []
    for error in exc.errors():
        location = "_".join(str(part) for part in error["loc"]).upper()
        message = error["msg"].removeprefix("Value error, ")
        problems.append(f"{location}: {message}" if location else message)
    return f"Invalid {what}: " + "; ".join(problems)


@lru_cache
def get_settings() -> Settings:
    """Load settings once; a missing or invalid variable exits with one clear line."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SystemExit(describe_validation_error(exc)) from None


settings = get_settings()
