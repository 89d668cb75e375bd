"""Users: registration, validation, reading, partial update, search and deletion."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.post import Post
from app.models.user import User
from tests.factories import NEW_USER, auth_headers, make_post, make_user

USER_FIELDS = {"id", "email", "username", "name", "age", "is_active", "created_at"}


def test_create_user(client: TestClient, db: Session) -> None:
    response = client.post("/api/v1/users", json=NEW_USER)

    assert response.status_code == 201
    body = response.json()
    assert set(body) == USER_FIELDS
    assert body["email"] == "runner@example.com"
    assert body["is_active"] is True
    assert body["created_at"].endswith("Z") or body["created_at"].endswith("+00:00")
    stored = db.scalars(select(User).where(User.username == "runner")).one()
    assert stored.password_hash != NEW_USER["password"]


def test_create_user_trims_and_lowercases_the_email(client: TestClient) -> None:
    response = client.post("/api/v1/users", json=NEW_USER | {"email": "  Runner@Example.COM "})

    assert response.status_code == 201
    assert response.json()["email"] == "runner@example.com"


def test_create_user_with_taken_email_in_other_case_is_409(client: TestClient, db: Session) -> None:
    make_user(db, email="runner@example.com")

    response = client.post("/api/v1/users", json=NEW_USER | {"email": "RUNNER@example.com"})

    assert response.status_code == 409
    assert response.json() == {"detail": "A user with this email already exists"}


def test_create_user_with_taken_username_is_409(client: TestClient, db: Session) -> None:
    make_user(db, username="runner")

    response = client.post("/api/v1/users", json=NEW_USER)

    assert response.status_code == 409
    assert response.json() == {"detail": "A user with this username already exists"}
    assert db.scalar(select(func.count()).select_from(User).where(User.username == "runner")) == 1


def test_create_user_rejects_invalid_fields_with_422(client: TestClient) -> None:
    invalid = [
        {"email": "not-an-email"},
        {"email": "   "},
        {"age": -1},
        {"age": 151},
        {"age": "old"},
        {"username": "ab"},
        {"username": "has space"},
        {"username": "x" * 51},
        {"name": ""},
        {"name": "   "},
        {"name": "n" * 101},
        {"password": "short"},
        {"password": "p" * 129},
    ]
    for change in invalid:
        response = client.post("/api/v1/users", json=NEW_USER | change)
        assert response.status_code == 422, change
        field = next(iter(change))
        assert response.json()["detail"][0]["loc"] == ["body", field], change


def test_create_user_without_password_is_422(client: TestClient) -> None:
    body = {key: value for key, value in NEW_USER.items() if key != "password"}

    response = client.post("/api/v1/users", json=body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]


def test_list_users_includes_post_counts(client: TestClient, db: Session) -> None:
    writer = make_user(db)
    reader = make_user(db)
    make_post(db, writer)
    make_post(db, writer)

    response = client.get("/api/v1/users", params={"limit": 100})

    assert response.status_code == 200
    counts = {user["id"]: user["post_count"] for user in response.json()}
    assert counts == {writer.id: 2, reader.id: 0}
    assert all("password" not in key for user in response.json() for key in user)


def test_list_users_pages_with_limit_and_offset(client: TestClient, db: Session) -> None:
    ids = [make_user(db).id for _ in range(5)]

    response = client.get("/api/v1/users", params={"limit": 2, "offset": 1})

    assert [user["id"] for user in response.json()] == ids[1:3]


def test_list_users_limit_outside_1_to_100_is_422(client: TestClient) -> None:
    for limit in (0, 101, -5):
        response = client.get("/api/v1/users", params={"limit": limit})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "limit"]
    assert client.get("/api/v1/users", params={"offset": -1}).status_code == 422


def test_read_user_returns_posts_newest_first(client: TestClient, db: Session) -> None:
    user = make_user(db)
    older = make_post(db, user, title="older")
    newer = make_post(db, user, title="newer")

    response = client.get(f"/api/v1/users/{user.id}")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == USER_FIELDS | {"posts"}
    assert [post["id"] for post in body["posts"]] == [newer.id, older.id]


def test_read_missing_user_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/users/987654")

    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}


def test_read_user_with_non_integer_id_is_422(client: TestClient) -> None:
    response = client.get("/api/v1/users/abc")

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "user_id"]


def test_list_user_posts(client: TestClient, db: Session) -> None:
    user = make_user(db)
    other = make_user(db)
    mine = make_post(db, user)
    make_post(db, other)

    response = client.get(f"/api/v1/users/{user.id}/posts")

    assert response.status_code == 200
    assert [post["id"] for post in response.json()] == [mine.id]


def test_list_posts_of_missing_user_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/users/987654/posts")

    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}


def test_read_current_user(client: TestClient, db: Session) -> None:
    user = make_user(db)

    response = client.get("/api/v1/users/me", headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json()["id"] == user.id


def test_users_me_without_token_is_401_not_422(client: TestClient) -> None:
    """`/users/me` is declared before `/users/{user_id}`, so "me" is never parsed as an id."""
    response = client.get("/api/v1/users/me")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_update_current_user_changes_only_the_fields_sent(client: TestClient, db: Session) -> None:
    user = make_user(db, name="Before", age=40)

    response = client.patch("/api/v1/users/me", json={"age": 41}, headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json()["age"] == 41
    assert response.json()["name"] == "Before"
    db.expire_all()
    assert (db.get(User, user.id).name, db.get(User, user.id).age) == ("Before", 41)


def test_update_current_user_normalises_email(client: TestClient, db: Session) -> None:
    user = make_user(db)

    response = client.patch(
        "/api/v1/users/me", json={"email": " New@Example.com "}, headers=auth_headers(user)
    )

    assert response.status_code == 200
    assert response.json()["email"] == "new@example.com"


def test_update_current_user_to_a_taken_email_is_409_and_changes_nothing(
    client: TestClient, db: Session
) -> None:
    make_user(db, email="taken@example.com")
    user = make_user(db, email="mine@example.com", name="Mine")

    response = client.patch(
        "/api/v1/users/me",
        json={"email": "taken@example.com", "name": "Changed"},
        headers=auth_headers(user),
    )

    assert response.status_code == 409
    assert response.json() == {"detail": "A user with this email already exists"}
    db.expire_all()
    assert (db.get(User, user.id).email, db.get(User, user.id).name) == (
        "mine@example.com",
        "Mine",
    )


def test_update_current_user_rejects_null_and_out_of_range(client: TestClient, db: Session) -> None:
    user = make_user(db)
    for body in ({"name": None}, {"age": 200}, {"email": "nope"}):
        response = client.patch("/api/v1/users/me", json=body, headers=auth_headers(user))
        assert response.status_code == 422, body


def test_update_current_user_without_token_is_401(client: TestClient) -> None:
    response = client.patch("/api/v1/users/me", json={"age": 20})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_search_users_is_case_insensitive_substring(client: TestClient, db: Session) -> None:
    match = make_user(db, name="Marathon Mary")
    make_user(db, name="Sprinter Sam")

    response = client.get("/api/v1/users/search", params={"name": "mARY"})

    assert response.status_code == 200
    assert [user["id"] for user in response.json()] == [match.id]


def test_search_users_treats_percent_and_underscore_literally(
    client: TestClient, db: Session
) -> None:
    percent = make_user(db, name="100% effort")
    make_user(db, name="1000 reps")
    underscore = make_user(db, name="snake_case")
    make_user(db, name="snakeXcase")

    by_percent = client.get("/api/v1/users/search", params={"name": "0%"}).json()
    by_underscore = client.get("/api/v1/users/search", params={"name": "e_c"}).json()

    assert [user["id"] for user in by_percent] == [percent.id]
    assert [user["id"] for user in by_underscore] == [underscore.id]


def test_search_users_with_empty_name_is_422(client: TestClient) -> None:
    assert client.get("/api/v1/users/search", params={"name": ""}).status_code == 422
    assert client.get("/api/v1/users/search").status_code == 422


def test_delete_user_removes_their_posts_in_the_same_transaction(
    client: TestClient, db: Session
) -> None:
    user = make_user(db)
    make_post(db, user)
    make_post(db, user)

    response = client.delete(f"/api/v1/users/{user.id}", headers=auth_headers(user))

    assert response.status_code == 204
    assert db.get(User, user.id) is None
    orphans = db.scalar(select(func.count()).select_from(Post).where(Post.user_id == user.id))
    assert orphans == 0


def test_user_cannot_delete_another_user(client: TestClient, db: Session) -> None:
    victim = make_user(db)
    attacker = make_user(db)

    response = client.delete(f"/api/v1/users/{victim.id}", headers=auth_headers(attacker))

    assert response.status_code == 403
    assert response.json() == {"detail": "Not allowed to delete this user"}
    assert db.get(User, victim.id) is not None


def test_superuser_can_delete_another_user(client: TestClient, db: Session) -> None:
    victim = make_user(db)
    admin = make_user(db, is_superuser=True)

    response = client.delete(f"/api/v1/users/{victim.id}", headers=auth_headers(admin))

    assert response.status_code == 204
    db.expire_all()
    assert db.get(User, victim.id) is None


def test_delete_missing_user_is_404(client: TestClient, db: Session) -> None:
    admin = make_user(db, is_superuser=True)

    response = client.delete("/api/v1/users/987654", headers=auth_headers(admin))

    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}


def test_delete_user_without_token_is_401(client: TestClient, db: Session) -> None:
    user = make_user(db)

    response = client.delete(f"/api/v1/users/{user.id}")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert db.get(User, user.id) is not None
