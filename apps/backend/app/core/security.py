"""Password hashing (argon2 via pwdlib) and JWT access tokens (python-jose, HS256 pinned)."""

from datetime import UTC, datetime, timedelta

from jose import JWTError, jwt
from pwdlib import PasswordHash

ALGORITHM = "HS256"

password_hash = PasswordHash.recommended()
# Verified against when the user does not exist, so a login takes as long either way.
_DUMMY_HASH = password_hash.hash("an unguessable placeholder password")


class InvalidTokenError(Exception):
    """The token is missing a claim, expired, malformed or not signed by us."""


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    """Check a password; with no stored hash, spend the same time and fail (no user enumeration)."""
    if hashed is None:
        password_hash.verify(password, _DUMMY_HASH)
        return False
    return password_hash.verify(password, hashed)


def create_access_token(subject: str, *, secret_key: str, expires_minutes: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": subject, "iat": now, "exp": now + timedelta(minutes=expires_minutes)}
    return jwt.encode(claims, secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret_key: str) -> str:
    """Return the token's subject; the algorithm list is pinned so `none` and RS/HS swaps fail."""
    try:
        claims = jwt.decode(
            token,
            secret_key,
            algorithms=[ALGORITHM],
            options={"require_exp": True, "require_sub": True},
        )
    except JWTError as exc:
        raise InvalidTokenError(str(exc)) from exc
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise InvalidTokenError("token has no subject")
    return subject
