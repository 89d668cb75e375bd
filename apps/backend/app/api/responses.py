"""Documented error responses, so /docs shows what each operation can answer besides success."""

from typing import Any

from app.schemas.error import ErrorDetail

Responses = dict[int | str, dict[str, Any]]


def _error(status_code: int, description: str) -> Responses:
    return {status_code: {"model": ErrorDetail, "description": description}}


UNAUTHORIZED = _error(401, "Missing, invalid or expired bearer token")
FORBIDDEN = _error(403, "Authenticated, but not the owner (and not a superuser)")
USER_NOT_FOUND = _error(404, "User not found")
POST_NOT_FOUND = _error(404, "Post not found")
CONFLICT = _error(409, "Email or username already taken")
