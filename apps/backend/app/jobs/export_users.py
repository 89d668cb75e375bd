"""Export every user as JSON Lines, streamed in keyset batches with flat memory.

python -m app.jobs.export_users --output users.jsonl   (`-` writes to stdout)
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import structlog
from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.logging import configure_logging
from app.db.session import SessionLocal
from app.schemas.user import UserRead
from app.services.user import iter_users_in_batches

logger = structlog.get_logger("app.jobs.export_users")

DEFAULT_BATCH_SIZE = 1000


def write_users(
    db: Session, out: TextIO, *, batch_size: int, progress: TextIO | None = None
) -> int:
    """Write one JSON object per user; returns how many were written."""
    written = 0
    for batch in iter_users_in_batches(db, batch_size=batch_size):
        out.writelines(UserRead.model_validate(user).model_dump_json() + "\n" for user in batch)
        written += len(batch)
        if progress is not None:
            progress.write(f"\rexported {written} users")
            progress.flush()
    if progress is not None:
        progress.write("\n")
    return written


def export_to_path(db: Session, output: Path, *, batch_size: int) -> int:
    """Write beside the target, then rename: a failed run leaves no half-written file."""
    progress = sys.stderr if sys.stderr.isatty() else None
    fd, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            count = write_users(db, out, batch_size=batch_size, progress=progress)
        Path(temporary).replace(output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.jobs.export_users", description="Export all users as JSON Lines."
    )
    parser.add_argument("--output", required=True, help="file to write, or - for stdout")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args(argv)
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if args.output != "-" and not Path(args.output).resolve().parent.is_dir():
        parser.error(f"--output: directory {Path(args.output).parent} does not exist")
    return args


def main(
    argv: Sequence[str] | None = None, session_factory: Callable[[], Session] = SessionLocal
) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    with session_factory() as db:
        if args.output == "-":
            count = write_users(db, sys.stdout, batch_size=args.batch_size)
        else:
            count = export_to_path(db, Path(args.output), batch_size=args.batch_size)
    logger.info(
        "users_exported",
        count=count,
        batch_size=args.batch_size,
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )
    return 0


if __name__ == "__main__":
    configure_logging(level=settings.log_level, json_logs=settings.json_logs)
    sys.exit(main())
