"""Domain errors that carry their HTTP status; one handler renders them as {"detail": ...}."""

from typing import ClassVar

from fastapi import Request, status
from fastapi.responses import JSONResponse


class AppError(Exception):
    """Base for errors a client should see; services raise these, never HTTPException."""

    status_code = status.HTTP_400_BAD_REQUEST
    headers: ClassVar[dict[str, str] | None] = None

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(AppError):
    status_code = status.HTTP_404_NOT_FOUND


class Conflict(AppError):
    status_code = status.HTTP_409_CONFLICT


class Forbidden(AppError):
    status_code = status.HTTP_403_FORBIDDEN


class Unauthorized(AppError):
    status_code = status.HTTP_401_UNAUTHORIZED
    headers: ClassVar[dict[str, str] | None] = {"WWW-Authenticate": "Bearer"}


async def app_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, AppError):  # registered for AppError only
        raise exc
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
