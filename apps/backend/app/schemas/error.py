"""The body of every error this API answers with itself (422s are FastAPI's own shape)."""

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    detail: str
