"""Who may change what."""

from app.core.errors import Forbidden
from app.models.user import User


def require_owner_or_superuser(actor: User, *, owner_id: int, action: str) -> None:
    """Ownership is checked on the server, never trusted from the request body."""
    if actor.id != owner_id and not actor.is_superuser:
        raise Forbidden(f"Not allowed to {action}")
