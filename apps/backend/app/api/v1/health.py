"""Liveness and database reachability."""

import structlog
from fastapi import APIRouter, status
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db.session import SessionDep
from app.schemas.health import Health

router = APIRouter(tags=["health"])
logger = structlog.get_logger(__name__)


@router.get(
    "/health",
    summary="Check the API and its database",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database cannot be reached"}},
)
def read_health(db: SessionDep) -> Health | JSONResponse:
    """Report whether the API and its database answer (`SELECT 1`, bounded by a connect timeout)."""
    try:
        db.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        db.rollback()
        logger.warning("health_database_unavailable", error=type(exc).__name__)
        body = Health(status="error", database="unavailable")
        return JSONResponse(body.model_dump(), status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
    return Health(status="ok", database="ok")
