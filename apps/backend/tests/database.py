"""Create the test database if it is missing and build its schema with `alembic upgrade head`."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from app.core.config import require_test_database
from app.db.base import Base
from scripts.database import create_database_if_missing
from tests.commands import BACKEND_DIR


def alembic_config() -> Config:
    return Config(str(BACKEND_DIR / "alembic.ini"))


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
    require_test_database(engine.url.render_as_string(hide_password=False))
    create_database_if_missing(engine)
    reset_schema(engine)
