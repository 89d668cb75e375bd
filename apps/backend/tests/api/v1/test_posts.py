"""Posts: creation by the caller, listing with authors, reading and owner-only deletion."""

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models.post import Post
from tests.factories import auth_headers, make_post, make_user


def test_create_post_is_owned_by_the_caller(client: TestClient, db: Session) -> None:
    author = make_user(db)

    response = client.post(
        "/api/v1/posts",
        json={"title": "Intervals", "content": "8 x 400 m", "user_id": 999},
        headers=auth_headers(author),
    )

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "user_id", "title", "content", "created_at"}
    assert body["user_id"] == author.id
    assert db.get(Post, body["id"]).user_id == author.id


def test_create_post_without_token_is_401(client: TestClient) -> None:
    response = client.post("/api/v1/posts", json={"title": "Anonymous"})

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_create_post_rejects_bad_title_and_content(client: TestClient, db: Session) -> None:
    headers = auth_headers(make_user(db))
    for body in ({"title": ""}, {"title": "t" * 201}, {"title": "ok", "content": "c" * 10_001}):
        response = client.post("/api/v1/posts", json=body, headers=headers)
        assert response.status_code == 422, body


def test_list_posts_includes_each_author(client: TestClient, db: Session) -> None:
    author = make_user(db, username="coach", name="Coach Carter")
    post = make_post(db, author)

    response = client.get("/api/v1/posts")

    assert response.status_code == 200
    [listed] = response.json()
    assert listed["id"] == post.id
    assert listed["author"] == {"id": author.id, "username": "coach", "name": "Coach Carter"}


def test_list_posts_limit_outside_1_to_100_is_422(client: TestClient) -> None:
    assert client.get("/api/v1/posts", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/posts", params={"limit": 101}).status_code == 422


def test_read_post_includes_its_author(client: TestClient, db: Session) -> None:
    author = make_user(db)
    post = make_post(db, author, title="Long run")

    response = client.get(f"/api/v1/posts/{post.id}")

    assert response.status_code == 200
    assert response.json()["title"] == "Long run"
    assert response.json()["author"]["id"] == author.id


def test_read_missing_post_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/posts/987654")

    assert response.status_code == 404
    assert response.json() == {"detail": "Post not found"}


def test_owner_can_delete_their_post(client: TestClient, db: Session) -> None:
    author = make_user(db)
    post = make_post(db, author)

    response = client.delete(f"/api/v1/posts/{post.id}", headers=auth_headers(author))

    assert response.status_code == 204
    assert response.content == b""
    assert db.get(Post, post.id) is None


def test_user_cannot_delete_another_users_post(client: TestClient, db: Session) -> None:
    post = make_post(db, make_user(db))
    stranger = make_user(db)

    response = client.delete(f"/api/v1/posts/{post.id}", headers=auth_headers(stranger))

    assert response.status_code == 403
    assert response.json() == {"detail": "Not allowed to delete this post"}
    assert db.get(Post, post.id) is not None


def test_superuser_can_delete_any_post(client: TestClient, db: Session) -> None:
    post = make_post(db, make_user(db))
    admin = make_user(db, is_superuser=True)

    response = client.delete(f"/api/v1/posts/{post.id}", headers=auth_headers(admin))

    assert response.status_code == 204
    db.expire_all()
    assert db.get(Post, post.id) is None


def test_delete_missing_post_is_404(client: TestClient, db: Session) -> None:
    response = client.delete("/api/v1/posts/987654", headers=auth_headers(make_user(db)))

    assert response.status_code == 404
    assert response.json() == {"detail": "Post not found"}


def test_delete_post_without_token_is_401(client: TestClient, db: Session) -> None:
    post = make_post(db, make_user(db))

    response = client.delete(f"/api/v1/posts/{post.id}")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
