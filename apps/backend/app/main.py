"""The FastAPI application: settings, logging, middleware, error handlers and routes."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from app.api.openapi import OPENAPI_TAGS
from app.api.v1.router import api_router
from app.core.config import Settings, settings
from app.core.errors import AppError, app_error_handler
from app.core.logging import configure_logging
from app.core.middleware import REQUEST_ID_HEADER, RequestContextMiddleware

API_PREFIX = "/api/v1"


def create_app(config: Settings = settings) -> FastAPI:
    """Build the app; tests build their own with other settings. The schema comes from Alembic."""
    configure_logging(level=config.log_level, json_logs=config.json_logs)
    # FastAPIOffline serves /docs and /redoc with Swagger UI and ReDoc bundled in the package,
    # instead of FastAPI's default CDN links, so the pages also work on an offline network.
    app = FastAPIOffline(
        title="Training Tracker API",
        version="1.0.0",
        description="Users and their training log posts: the reference FastAPI backend.",
        openapi_tags=OPENAPI_TAGS,
    )
    app.add_exception_handler(AppError, app_error_handler)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=config.backend_cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
        expose_headers=[REQUEST_ID_HEADER],
    )
    # Added last, so it is outermost: every response, CORS and errors included, gets an id.
    app.add_middleware(RequestContextMiddleware)
    app.include_router(api_router, prefix=API_PREFIX)
    return app


app = create_app()
