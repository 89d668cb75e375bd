"""Create a PostgreSQL database when it is missing (SQLite creates its file by itself)."""

from pathlib import Path

from sqlalchemy import Engine, create_engine, text


def create_database_if_missing(engine: Engine) -> None:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        return
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            name = url.database or ""
            if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                # Identifiers cannot be bound parameters; quote it as the dialect does.
                quoted = conn.dialect.identifier_preparer.quote_identifier(name)
                conn.execute(text(f"CREATE DATABASE {quoted}"))
    finally:
        server.dispose()
