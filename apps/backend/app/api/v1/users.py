"""User routes. `/users/me` and `/users/search` are declared before `/users/{user_id}`."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query, status

from app.api.deps import CurrentUser, Limit, Offset
from app.api.responses import (
    DUPLICATE_EMAIL,
    DUPLICATE_USER,
    FORBIDDEN,
    UNAUTHORIZED,
    USER_NOT_FOUND,
)
from app.db.session import SessionDep
from app.models.post import Post
from app.models.user import User
from app.schemas.post import PostRead
from app.schemas.user import (
    UserCreate,
    UserRead,
    UserReadWithPostCount,
    UserReadWithPosts,
    UserUpdate,
)
from app.services import post as post_service
from app.services import user as user_service

router = APIRouter(prefix="/users", tags=["users"])


@router.post(
    "",
    summary="Register a user",
    status_code=status.HTTP_201_CREATED,
    response_model=UserRead,
    responses=DUPLICATE_USER,
)
def create_user(db: SessionDep, body: UserCreate) -> User:
    """Register a user; a duplicate email or username is 409, even under concurrent requests."""
    return user_service.create_user(db, **body.model_dump())


@router.get("", summary="List users with post counts", response_model=list[UserReadWithPostCount])
def list_users(db: SessionDep, limit: Limit = 20, offset: Offset = 0) -> Sequence[User]:
    """List users with their number of posts, in one SQL statement."""
    return user_service.list_users_with_post_counts(db, limit=limit, offset=offset)


# Declared before /{user_id}: routes match in order, and "me" is not an integer (422).
@router.get("/me", summary="Get the current user", response_model=UserRead, responses=UNAUTHORIZED)
def read_current_user(current_user: CurrentUser) -> User:
    """Return the authenticated user."""
    return current_user


@router.patch(
    "/me",
    summary="Update the current user",
    response_model=UserRead,
    responses={**UNAUTHORIZED, **DUPLICATE_EMAIL},
)
def update_current_user(db: SessionDep, current_user: CurrentUser, body: UserUpdate) -> User:
    """Change name, age or email; fields not sent keep their values."""
    return user_service.update_user(db, current_user, body.model_dump(exclude_unset=True))


@router.get("/search", summary="Search users by name", response_model=list[UserRead])
def search_users(
    db: SessionDep,
    name: Annotated[
        str, Query(min_length=1, max_length=100, description="Part of the name, any case")
    ],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Sequence[User]:
    """Find users whose name contains the text; `%` and `_` match themselves."""
    return user_service.search_users_by_name(db, name=name, limit=limit, offset=offset)


@router.get(
    "/{user_id}",
    summary="Get a user with their posts",
    response_model=UserReadWithPosts,
    responses=USER_NOT_FOUND,
)
def read_user(db: SessionDep, user_id: int) -> User:
    """Return a user with their posts, newest first."""
    return user_service.get_user_with_posts(db, user_id)


@router.get(
    "/{user_id}/posts",
    summary="List a user's posts",
    response_model=list[PostRead],
    responses=USER_NOT_FOUND,
)
def list_user_posts(
    db: SessionDep, user_id: int, limit: Limit = 20, offset: Offset = 0
) -> Sequence[Post]:
    """List one user's posts, newest first."""
    return post_service.list_posts_of_user(db, user_id=user_id, limit=limit, offset=offset)


@router.delete(
    "/{user_id}",
    summary="Delete a user and their posts",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**UNAUTHORIZED, **FORBIDDEN, **USER_NOT_FOUND},
)
def delete_user(db: SessionDep, current_user: CurrentUser, user_id: int) -> None:
    """Delete a user and, in the same transaction, their posts."""
    user_service.delete_user(db, user_id=user_id, actor=current_user)
