"""Route shadowing: `/users/{user_id}` declared first swallows `/users/me` and answers 422."""

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.main import app as the_app


def shadowed_routes(app: FastAPI) -> list[str]:
    """Each route an earlier route with a path parameter would match first, for the same method."""
    routes = [route for route in app.routes if isinstance(route, APIRoute)]
    found = []
    for position, later in enumerate(routes):
        for earlier in routes[:position]:
            if earlier.methods & later.methods and earlier.path_regex.match(later.path):
                found.append(f"{sorted(later.methods)} {later.path} (after {earlier.path})")
    return found


def guide_app(*, me_first: bool) -> FastAPI:
    app = FastAPI()

    def read_user(user_id: int) -> dict[str, int]:
        return {"id": user_id}

    def read_me() -> dict[str, str]:
        return {"user": "me"}

    routes = [("/users/{user_id}", read_user), ("/users/me", read_me)]
    for path, endpoint in reversed(routes) if me_first else routes:
        app.get(path)(endpoint)
    return app


def test_a_parameter_route_declared_first_answers_422_for_users_me() -> None:
    app = guide_app(me_first=False)

    response = TestClient(app).get("/users/me")

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["type"], error["loc"], error["input"]) == (
        "int_parsing",
        ["path", "user_id"],
        "me",
    )
    assert shadowed_routes(app) == ["['GET'] /users/me (after /users/{user_id})"]


def test_declaring_the_literal_path_first_reaches_it() -> None:
    app = guide_app(me_first=True)

    assert TestClient(app).get("/users/me").json() == {"user": "me"}
    assert shadowed_routes(app) == []


def test_no_route_of_the_api_is_shadowed() -> None:
    assert shadowed_routes(the_app) == []


def test_users_me_without_a_token_is_401_not_422(client: TestClient) -> None:
    response = client.get("/api/v1/users/me")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
