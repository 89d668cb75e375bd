"""Documented error responses, so /docs shows what each operation can answer besides success."""

from typing import Any

from app.schemas.error import ErrorDetail

Responses = dict[int | str, dict[str, Any]]

_BEARER_CHALLENGE = {
    "WWW-Authenticate": {"description": "Always `Bearer`", "schema": {"type": "string"}}
}


def _error(status_code: int, description: str, **extra: Any) -> Responses:
    return {status_code: {"model": ErrorDetail, "description": description, **extra}}


UNAUTHORIZED = _error(401, "Missing, invalid or expired bearer token", headers=_BEARER_CHALLENGE)
WRONG_CREDENTIALS = _error(
    401, "Wrong username/email or password, or an inactive user", headers=_BEARER_CHALLENGE
)
FORBIDDEN = _error(403, "Authenticated, but not the owner (and not a superuser)")
USER_NOT_FOUND = _error(404, "User not found")
POST_NOT_FOUND = _error(404, "Post not found")
DUPLICATE_USER = _error(409, "Email or username already taken")
DUPLICATE_EMAIL = _error(409, "Email already taken by another user")
