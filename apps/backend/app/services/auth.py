"""Authentication: credentials to a user, a token back to a user."""

import structlog
from sqlalchemy.orm import Session

from app.core.errors import Unauthorized
from app.core.security import InvalidTokenError, decode_access_token, verify_password
from app.models.user import User
from app.services.user import find_user_by_login

logger = structlog.get_logger(__name__)

CREDENTIALS_DETAIL = "Could not validate credentials"


def authenticate(db: Session, *, login: str, password: str) -> User:
    """One answer for unknown user, wrong password and inactive user, so none can be probed."""
    user = find_user_by_login(db, login)
    if not verify_password(password, user.password_hash if user else None) or user is None:
        logger.info("login_failed", reason="bad_credentials")
        raise Unauthorized("Incorrect username or password")
    if not user.is_active:
        logger.info("login_failed", reason="inactive", user_id=user.id)
        raise Unauthorized("Incorrect username or password")
    logger.info("login_succeeded", user_id=user.id)
    return user


def user_from_token(db: Session, token: str, *, secret_key: str) -> User:
    """Every failure (bad signature, expiry, missing `sub`, gone or inactive user) is one 401."""
    try:
        subject = decode_access_token(token, secret_key=secret_key)
        user_id = int(subject)
    except (InvalidTokenError, ValueError):
        raise Unauthorized(CREDENTIALS_DETAIL) from None
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        raise Unauthorized(CREDENTIALS_DETAIL)
    return user
