"""Administrative commands.

    python -m app.cli create-superuser --email a@b.io --username admin --name Admin --age 40
The password is asked for (or read from stdin with --password-stdin), never taken as an argument,
so it does not end up in shell history or the process list.
"""

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.core.config import describe_validation_error
from app.core.errors import AppError
from app.db.session import SessionLocal
from app.schemas.user import UserCreate
from app.services.user import create_user, find_user_by_login, promote_to_superuser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-superuser", help="create a superuser, or promote one")
    create.add_argument("--email", required=True)
    create.add_argument("--username", required=True)
    create.add_argument("--name", default="Administrator")
    create.add_argument("--age", type=int, default=30)
    create.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    return parser.parse_args(argv)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("Password for the superuser: ")


def create_superuser(db: Session, args: argparse.Namespace) -> str:
    """Promote an existing account found by username or email, else create a new one."""
    existing = find_user_by_login(db, args.username) or find_user_by_login(db, args.email)
    if existing is not None:
        promote_to_superuser(db, existing)
        return f"promoted user {existing.id} ({existing.username}) to superuser"
    body = UserCreate(
        email=args.email,
        username=args.username,
        name=args.name,
        age=args.age,
        password=read_password(args.password_stdin),
    )
    user = promote_to_superuser(db, create_user(db, **body.model_dump()))
    return f"created superuser {user.id} ({user.username})"


def main(
    argv: Sequence[str] | None = None, session_factory: Callable[[], Session] = SessionLocal
) -> int:
    args = parse_args(argv)
    try:
        with session_factory() as db:
            message = create_superuser(db, args)
            db.commit()
    except ValidationError as exc:
        print(describe_validation_error(exc, what="input"), file=sys.stderr)
        return 2
    except AppError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 1
    print(message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
