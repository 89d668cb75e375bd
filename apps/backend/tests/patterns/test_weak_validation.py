"""Pydantic validation: bare `str`/`int` accept anything; the guide's email check never fires."""

import pytest
from fastapi import FastAPI, status
from fastapi.testclient import TestClient
from pydantic import BaseModel, EmailStr, Field, field_validator
from pydantic.warnings import PydanticDeprecatedSince20

from app.schemas.user import UserCreate
from tests.factories import NEW_USER


class UnvalidatedUserCreate(BaseModel):
    """The original guide's broken schema."""

    email: str
    age: int


class GuideUserCreate(BaseModel):
    """The guide's "fixed" schema: its validator runs after EmailStr has already decided."""

    email: EmailStr = Field(..., description="a valid email address")
    age: int = Field(..., ge=0, le=150)

    @field_validator("email")
    @classmethod
    def validate_email_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("email is required")
        return v.strip()


def test_bare_str_and_int_fields_store_garbage() -> None:
    app = FastAPI()

    @app.post("/users", status_code=status.HTTP_201_CREATED)
    def create_user(body: UnvalidatedUserCreate) -> UnvalidatedUserCreate:
        return body

    response = TestClient(app).post("/users", json={"email": "not-an-email", "age": -5})

    assert response.status_code == 201
    assert response.json() == {"email": "not-an-email", "age": -5}


def test_the_api_answers_422_naming_each_bad_field(client: TestClient) -> None:
    response = client.post("/api/v1/users", json=NEW_USER | {"email": "not-an-email", "age": -5})

    assert response.status_code == 422
    errors = {tuple(error["loc"]): error["type"] for error in response.json()["detail"]}
    assert errors == {("body", "email"): "value_error", ("body", "age"): "greater_than_equal"}


def test_the_guides_email_validator_cannot_fire_and_case_still_differs() -> None:
    # EmailStr trims surrounding spaces itself and rejects an empty value first, so the
    # validator's strip and emptiness check change nothing. Case is what slips through.
    assert GuideUserCreate(email="  runner@example.com ", age=1).email == "runner@example.com"
    upper = GuideUserCreate(email="Runner@Example.COM", age=1).email
    lower = GuideUserCreate(email="runner@example.com", age=1).email

    assert upper != lower
    assert upper == "Runner@example.com"


def test_the_api_schema_normalises_an_email_to_one_spelling() -> None:
    spellings = ["Runner@Example.COM", "  runner@example.com ", "RUNNER@EXAMPLE.COM"]

    emails = {UserCreate.model_validate(NEW_USER | {"email": email}).email for email in spellings}

    assert emails == {"runner@example.com"}


def test_dict_is_deprecated_in_favour_of_model_dump() -> None:
    body = UserCreate.model_validate(NEW_USER)

    with pytest.warns(PydanticDeprecatedSince20, match="use `model_dump` instead"):
        assert body.dict() == body.model_dump()
