"""Benchmark the users export: memory stays flat as the table grows; keyset beats OFFSET.

Usage (from apps/backend): python -m scripts.bench_export [--sizes 10000 100000]
Uses BENCH_DATABASE_URL (default: a `training_tracker_bench_test` PostgreSQL database, created
if missing and refilled per size). Prints figures; asserts nothing, since timings on a shared
machine are evidence for a reader, not a pass/fail gate.
"""

import argparse
import os
import time
import tracemalloc

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.session import create_db_engine
from app.jobs.export_users import write_users
from app.models.user import User
from scripts.database import create_database_if_missing

DEFAULT_URL = "postgresql+psycopg://postgres@localhost:5432/training_tracker_bench_test"
BATCH_SIZE = 1000


def ensure_database(url: str) -> Engine:
    engine = create_db_engine(url)
    create_database_if_missing(engine)
    Base.metadata.create_all(engine)
    return engine


def fill(engine: Engine, size: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(User))
        rows = [
            {"email": f"b{i}@example.com", "username": f"b{i}", "name": f"Bench {i}", "age": 30}
            | {"password_hash": "x"}
            for i in range(size)
        ]
        for start in range(0, size, 10_000):
            conn.execute(insert(User), rows[start : start + 10_000])


def measure_export(engine: Engine) -> tuple[int, float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    # A real file sink: an in-memory buffer would itself grow with the table.
    with Session(engine) as db, open(os.devnull, "w", encoding="utf-8") as sink:
        count = write_users(db, sink, batch_size=BATCH_SIZE)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, elapsed, peak / 2**20


def last_batch_seconds(engine: Engine, size: int) -> tuple[float, float]:
    """Time to fetch the final batch: OFFSET must step over every earlier row, keyset seeks."""
    with Session(engine) as db:
        last_id = db.scalar(select(User.id).order_by(User.id).offset(size - BATCH_SIZE).limit(1))
        started = time.perf_counter()
        db.scalars(select(User).order_by(User.id).offset(size - BATCH_SIZE).limit(BATCH_SIZE)).all()
        offset_seconds = time.perf_counter() - started
        db.expunge_all()
        started = time.perf_counter()
        db.scalars(select(User).where(User.id >= last_id).order_by(User.id).limit(BATCH_SIZE)).all()
        return offset_seconds, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_export")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    engine = ensure_database(os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    print(f"backend={engine.url.get_backend_name()} batch_size={BATCH_SIZE}")
    print("users     export_s  peak_python_MiB  last_batch_offset_ms  last_batch_keyset_ms")
    for size in args.sizes:
        fill(engine, size)
        count, seconds, peak = measure_export(engine)
        offset_s, keyset_s = last_batch_seconds(engine, size)
        print(
            f"{count:<9} {seconds:8.2f}  {peak:15.1f}  {offset_s * 1000:20.1f}  "
            f"{keyset_s * 1000:20.1f}"
        )
    fill(engine, 0)
    engine.dispose()


if __name__ == "__main__":
    main()
