"""Create the test database if it is missing and build its schema with `alembic upgrade head`."""

from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine, create_engine, text

from alembic import command
from app.core.config import require_test_database
from app.db.base import Base

BACKEND_DIR = Path(__file__).resolve().parents[1]


def alembic_config() -> Config:
    return Config(str(BACKEND_DIR / "alembic.ini"))


def ensure_database_exists(engine: Engine) -> None:
    url = engine.url
    require_test_database(url.render_as_string(hide_password=False))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        return
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            exists = conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if not exists:
                # The name passed require_test_database; identifiers cannot be bound parameters.
                conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    finally:
        server.dispose()


def reset_schema(engine: Engine) -> None:
    """Drop whatever an earlier, interrupted run left, then migrate from nothing to head."""
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    run_alembic(engine, "upgrade", "head")


def run_alembic(engine: Engine, action: str, revision: str) -> None:
    """Run an Alembic command on the given engine, as `alembic <action> <revision>` would."""
    config = alembic_config()
    config.attributes["configure_logger"] = False
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


def prepare_test_database(engine: Engine) -> None:
    ensure_database_exists(engine)
    reset_schema(engine)
