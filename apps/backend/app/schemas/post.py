"""Post shapes that cross the HTTP boundary."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class PostCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    content: str = Field(default="", max_length=10_000)


class PostRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    user_id: int
    title: str
    content: str
    created_at: datetime


class PostAuthor(BaseModel):
    """The public face of a post's author: no email, nothing private."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    name: str


class PostReadWithAuthor(PostRead):
    author: PostAuthor
