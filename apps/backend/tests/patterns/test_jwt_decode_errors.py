"""JWT decode errors: unhandled they are a 500; the guide's handled version lacks its `db`."""

from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from fastapi.testclient import TestClient
from jose import JWTError, jwt
from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.security import ALGORITHM
from tests.factories import auth_headers, make_user

SECRET_KEY = settings.secret_key.get_secret_value()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/token")


def get_current_user_unguarded(token: Annotated[str, Depends(oauth2_scheme)]) -> dict[str, Any]:
    """The original guide's broken version: any decode error escapes as a 500."""
    payload: dict[str, Any] = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    return payload


def get_user_by_username(db: Session, username: str) -> None:
    """Stands in for the lookup the guide calls; the call fails before reaching it."""


def get_current_user_as_the_guide_fixed_it(token: Annotated[str, Depends(oauth2_scheme)]) -> Any:
    """The guide's "fixed" version, as printed: errors handled, but `db` is never defined."""
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
        username: str = payload.get("sub")
        if username is None:
            raise credentials_exception
    except JWTError:
        raise credentials_exception  # noqa: B904 - as printed in the guide
    user = get_user_by_username(db, username=username)  # noqa: F821 - the guide's undefined name
    if user is None:
        raise credentials_exception
    return user


def app_with(dependency: Any) -> FastAPI:
    app = FastAPI()

    @app.get("/users/me")
    def read_me(user: Annotated[Any, Depends(dependency)]) -> dict[str, str]:
        return {"user": str(user)}

    return app


def test_an_unhandled_decode_error_is_a_500_not_a_401() -> None:
    client = TestClient(app_with(get_current_user_unguarded), raise_server_exceptions=False)

    response = client.get("/users/me", headers={"Authorization": "Bearer not-a-jwt"})

    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    assert "WWW-Authenticate" not in response.headers


def test_the_unhandled_decode_error_is_a_jwt_error_in_the_log() -> None:
    client = TestClient(app_with(get_current_user_unguarded))

    with pytest.raises(JWTError, match="Not enough segments"):
        client.get("/users/me", headers={"Authorization": "Bearer not-a-jwt"})


def test_the_guides_handled_version_fails_with_a_name_error_for_a_valid_token() -> None:
    token = jwt.encode({"sub": "runner"}, SECRET_KEY, algorithm=ALGORITHM)
    client = TestClient(app_with(get_current_user_as_the_guide_fixed_it))

    assert client.get("/users/me", headers={"Authorization": "Bearer x"}).status_code == 401
    with pytest.raises(NameError, match="name 'db' is not defined"):
        client.get("/users/me", headers={"Authorization": f"Bearer {token}"})


def test_the_api_answers_401_with_a_bearer_challenge_for_a_bad_token(
    client: TestClient, db: Session
) -> None:
    user = make_user(db)

    bad = client.get("/api/v1/users/me", headers={"Authorization": "Bearer not-a-jwt"})
    expired = client.get("/api/v1/users/me", headers=auth_headers(user, minutes=-1))
    good = client.get("/api/v1/users/me", headers=auth_headers(user))

    for response in (bad, expired):
        assert response.status_code == 401
        assert response.json() == {"detail": "Could not validate credentials"}
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert good.json()["id"] == user.id
