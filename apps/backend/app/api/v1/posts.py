"""Post routes."""

from collections.abc import Sequence

from fastapi import APIRouter, status

from app.api.deps import CurrentUser, Limit, Offset
from app.api.responses import FORBIDDEN, POST_NOT_FOUND, UNAUTHORIZED
from app.db.session import SessionDep
from app.models.post import Post
from app.schemas.post import PostCreate, PostRead, PostReadWithAuthor
from app.services import post as post_service

router = APIRouter(prefix="/posts", tags=["posts"])


@router.post(
    "",
    summary="Log a training entry",
    status_code=status.HTTP_201_CREATED,
    response_model=PostRead,
    responses=UNAUTHORIZED,
)
def create_post(db: SessionDep, current_user: CurrentUser, body: PostCreate) -> Post:
    """Log a training entry owned by the authenticated user."""
    return post_service.create_post(db, author=current_user, **body.model_dump())


@router.get("", summary="List posts with their authors", response_model=list[PostReadWithAuthor])
def list_posts(db: SessionDep, limit: Limit = 20, offset: Offset = 0) -> Sequence[Post]:
    """List posts, newest first, each with its author, in one SQL statement."""
    return post_service.list_posts_with_authors(db, limit=limit, offset=offset)


@router.get(
    "/{post_id}",
    summary="Get a post",
    response_model=PostReadWithAuthor,
    responses=POST_NOT_FOUND,
)
def read_post(db: SessionDep, post_id: int) -> Post:
    """Return one post with its author."""
    return post_service.get_post_with_author(db, post_id)


@router.delete(
    "/{post_id}",
    summary="Delete a post",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**UNAUTHORIZED, **FORBIDDEN, **POST_NOT_FOUND},
)
def delete_post(db: SessionDep, current_user: CurrentUser, post_id: int) -> None:
    """Delete one of your posts (superusers may delete any)."""
    post_service.delete_post(db, post_id=post_id, actor=current_user)
