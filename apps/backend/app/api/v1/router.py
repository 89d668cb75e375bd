"""The /api/v1 router: every route module, mounted once."""

from fastapi import APIRouter

from app.api.v1 import auth, health, posts, users

api_router = APIRouter()
api_router.include_router(health.router)
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(posts.router)
