"""Engine, session factory and the per-request session dependency."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import settings

CONNECT_TIMEOUT_SECONDS = 2


def _enable_sqlite_foreign_keys_and_savepoints(engine: Engine) -> None:
    """SQLite ignores foreign keys unless asked per connection, and pysqlite breaks SAVEPOINT."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (below) instead of pysqlite's own guesswork.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def create_db_engine(url: str, **options: Any) -> Engine:
    """Build an engine with the per-backend fixes this project relies on."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        # FastAPI runs sync endpoints in a thread pool; one SQLite connection may serve several.
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        _enable_sqlite_foreign_keys_and_savepoints(engine)
        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if backend == "postgresql" else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **options)


engine = create_db_engine(settings.sqlalchemy_database_url)
# expire_on_commit=False: objects stay readable after the commit that precedes serialisation.
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


def get_db() -> Iterator[Session]:
    """One session per request, committed before the response is sent and always closed."""
    with SessionLocal() as db:
        yield db
        db.commit()


# scope="function": the commit above runs before the response is sent, so a failed commit
# becomes an error response instead of a success the client already received.
SessionDep = Annotated[Session, Depends(get_db, scope="function")]
