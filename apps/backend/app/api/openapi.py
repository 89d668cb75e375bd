"""Tag descriptions for /docs and /redoc; a test fails if a router uses a tag missing here."""

OPENAPI_TAGS: list[dict[str, str]] = [
    {
        "name": "health",
        "description": "Liveness and database reachability, for load balancers and containers.",
    },
    {
        "name": "auth",
        "description": "OAuth2 password flow: exchange credentials for a bearer token. "
        "The **Authorize** button above uses it.",
    },
    {
        "name": "users",
        "description": "Register, read, search, update and delete users. "
        "Emails are stored trimmed and lower-cased; passwords are never returned.",
    },
    {
        "name": "posts",
        "description": "Training log entries, each owned by the user who wrote it.",
    },
]
