"""Route shadowing: `/users/{user_id}` declared first swallows `/users/me` and answers 422."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import app as the_app
from scripts.doctor import shadowed_routes


def shadowed(app: FastAPI) -> list[str]:
    """The `make doctor` route check, applied to an app's declared operations in order."""
    paths = app.openapi()["paths"]
    return shadowed_routes(
        [(path, {method.upper() for method in item}) for path, item in paths.items()]
    )


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
    assert shadowed(app) == ["/users/me is shadowed by /users/{user_id}"]


def test_declaring_the_literal_path_first_reaches_it() -> None:
    app = guide_app(me_first=True)

    assert TestClient(app).get("/users/me").json() == {"user": "me"}
    assert shadowed(app) == []


def test_no_route_of_the_api_is_shadowed() -> None:
    assert shadowed(the_app) == []


def test_users_me_without_a_token_is_401_not_422(client: TestClient) -> None:
    response = client.get("/api/v1/users/me")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
