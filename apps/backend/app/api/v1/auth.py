"""Token endpoint for the OAuth2 password flow (the /docs Authorize button uses it)."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm

from app.api.responses import WRONG_CREDENTIALS
from app.core.config import settings
from app.core.security import create_access_token
from app.db.session import SessionDep
from app.schemas.token import Token
from app.services.auth import authenticate

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", summary="Log in for a bearer token", responses=WRONG_CREDENTIALS)
def login_for_access_token(
    db: SessionDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> Token:
    """Exchange a username (or email) and password for a bearer token."""
    user = authenticate(db, login=form.username, password=form.password)
    token = create_access_token(
        str(user.id),
        secret_key=settings.secret_key.get_secret_value(),
        expires_minutes=settings.access_token_expire_minutes,
    )
    return Token(access_token=token)
