"""Documented error responses, so /docs shows what each operation can answer besides success."""

from typing import Any

from app.schemas.error import ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorDetail, "description": description}


UNAUTHORIZED = {401: _error("Missing, invalid or expired bearer token")}
FORBIDDEN = {403: _error("Authenticated, but not the owner (and not a superuser)")}
USER_NOT_FOUND = {404: _error("User not found")}
POST_NOT_FOUND = {404: _error("Post not found")}
CONFLICT = {409: _error("Email or username already taken")}
