"""Wait for the database before migrating: `python -m app.db.wait --seconds 60`.

Containers start in any order; a bounded wait turns "the database is still starting" into a few
retries and "the database is not there" into one clear line and exit status 1, never a hang.
"""

import argparse
import time

import structlog
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.core.config import settings
from app.core.logging import configure_logging
from app.db.session import engine

RETRY_INTERVAL_SECONDS = 1.0
DEFAULT_WAIT_SECONDS = 60.0

logger = structlog.get_logger(__name__)


def describe_target(db_engine: Engine) -> str:
    """Where we connect, without user or password."""
    url = db_engine.url
    if url.get_backend_name() == "sqlite":
        return f"sqlite:{url.database}"
    return f"{url.host}:{url.port or 5432}"


def describe_error(exc: SQLAlchemyError, db_engine: Engine) -> str:
    """The driver's first line (e.g. "Connection refused"), with the password masked if echoed."""
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    line = (str(cause).strip().splitlines() or [type(cause).__name__])[0][:200]
    password = db_engine.url.password
    return line.replace(password, "***") if password else line


def wait_for_database(
    db_engine: Engine, *, seconds: float, interval: float = RETRY_INTERVAL_SECONDS
) -> int:
    """Return the attempt on which `SELECT 1` worked; exit with one line once `seconds` pass."""
    deadline = time.monotonic() + seconds
    max_attempts = int(seconds / interval) + 1
    attempts, last_error = 0, ""
    for attempts in range(1, max_attempts + 1):
        try:
            with db_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            last_error = describe_error(exc, db_engine)
            logger.info("database_not_ready", attempt=attempts, error=last_error)
        else:
            return attempts
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        time.sleep(min(interval, remaining))
    raise SystemExit(
        f"Database not reachable at {describe_target(db_engine)}: gave up after {attempts} "
        f"attempts in {seconds:g}s ({last_error})"
    )


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value}")
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Wait until the database accepts connections.")
    parser.add_argument("--seconds", type=positive_seconds, default=DEFAULT_WAIT_SECONDS)
    args = parser.parse_args(argv)
    configure_logging(level=settings.log_level, json_logs=settings.json_logs)
    try:
        attempts = wait_for_database(engine, seconds=args.seconds)
    finally:
        engine.dispose()
    logger.info("database_ready", target=describe_target(engine), attempts=attempts)


if __name__ == "__main__":
    main()
