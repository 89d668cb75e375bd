"""User shapes that cross the HTTP boundary; none of them carries a password or its hash."""

from datetime import datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    field_validator,
)

from app.schemas.post import PostRead


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


# EmailStr already trims surrounding whitespace and rejects a blank address, so a validator that
# strips *after* it is dead code. What it leaves is case: the local part keeps it, so "A@x.io" and
# "a@x.io" would be two accounts. Lower-casing after validation makes uniqueness case-insensitive.
NormalizedEmail = Annotated[EmailStr, AfterValidator(str.lower)]
Username = Annotated[str, Field(min_length=3, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")]
Name = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=100)]
Age = Annotated[int, Field(ge=0, le=150, description="Age in years (0-150)")]
Password = Annotated[str, Field(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    email: NormalizedEmail
    username: Username
    name: Name
    age: Age
    password: Password


class UserUpdate(BaseModel):
    """PATCH body: only the fields sent change (applied with `model_dump(exclude_unset=True)`)."""

    email: NormalizedEmail | None = None
    name: Name | None = None
    age: Age | None = None

    @field_validator("email", "name", "age")
    @classmethod
    def reject_explicit_null(cls, value: object) -> object:
        # Defaults are not validated, so this only fires for a field sent as null.
        if value is None:
            raise ValueError("may be omitted but not null")
        return value


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    username: str
    name: str
    age: int
    is_active: bool
    created_at: datetime


class UserReadWithPostCount(UserRead):
    post_count: int


class UserReadWithPosts(UserRead):
    posts: list[PostRead]
