"""Annotated dependencies shared by the routers."""

from typing import Annotated

from fastapi import Depends, Query
from fastapi.security import OAuth2PasswordBearer

from app.core.config import settings
from app.db.session import SessionDep
from app.models.user import User
from app.services.auth import user_from_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token")


def get_current_user(db: SessionDep, token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    """Decode errors become 401 with `WWW-Authenticate: Bearer`, using the request's session."""
    return user_from_token(db, token, secret_key=settings.secret_key.get_secret_value())


CurrentUser = Annotated[User, Depends(get_current_user)]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1-100)")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip")]
