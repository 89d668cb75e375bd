"""The OpenAPI document: every operation summarised, tagged, and its error answers documented."""

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

# The error statuses each operation can answer (the contract's table); 422 is FastAPI's own.
EXPECTED_ERRORS: dict[tuple[str, str], set[str]] = {
    ("get", "/api/v1/health"): {"503"},
    ("post", "/api/v1/auth/token"): {"401", "422"},
    ("post", "/api/v1/users"): {"409", "422"},
    ("get", "/api/v1/users"): {"422"},
    ("get", "/api/v1/users/me"): {"401"},
    ("patch", "/api/v1/users/me"): {"401", "409", "422"},
    ("get", "/api/v1/users/search"): {"422"},
    ("get", "/api/v1/users/{user_id}"): {"404", "422"},
    ("delete", "/api/v1/users/{user_id}"): {"401", "403", "404", "422"},
    ("get", "/api/v1/users/{user_id}/posts"): {"404", "422"},
    ("post", "/api/v1/posts"): {"401", "422"},
    ("get", "/api/v1/posts"): {"422"},
    ("get", "/api/v1/posts/{post_id}"): {"404", "422"},
    ("delete", "/api/v1/posts/{post_id}"): {"401", "403", "404", "422"},
}
TOKEN_PATH = "/api/v1/auth/token"


@pytest.fixture(scope="module")
def schema(app: FastAPI) -> dict[str, Any]:
    response = TestClient(app).get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def operations(schema: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }


def test_every_operation_documents_exactly_the_errors_it_can_answer(
    schema: dict[str, Any],
) -> None:
    documented = {
        key: {code for code in operation["responses"] if int(code) >= 400}
        for key, operation in operations(schema).items()
    }

    assert documented == EXPECTED_ERRORS


def test_every_operation_has_a_written_summary_and_a_described_tag(
    schema: dict[str, Any],
) -> None:
    described = {tag["name"] for tag in schema["tags"] if tag.get("description")}

    for key, operation in operations(schema).items():
        summary = operation.get("summary", "")
        # Without one, FastAPI titles the function name, which also starts the operationId.
        generated_from_name = summary.lower().replace(" ", "_") + "_"
        assert summary, key
        assert not operation["operationId"].startswith(generated_from_name), key
        assert operation.get("description"), key
        assert operation.get("tags"), key
        assert set(operation["tags"]) <= described, key


def test_error_answers_are_documented_with_the_error_body(schema: dict[str, Any]) -> None:
    for key, operation in operations(schema).items():
        for code in {"401", "403", "404", "409"} & set(operation["responses"]):
            response = operation["responses"][code]
            body = response["content"]["application/json"]["schema"]
            assert body == {"$ref": "#/components/schemas/ErrorDetail"}, (key, code)
            assert response["description"], (key, code)
            if code == "401":
                assert "WWW-Authenticate" in response.get("headers", {}), key


def test_every_success_documents_its_body_and_a_204_has_none(schema: dict[str, Any]) -> None:
    for key, operation in operations(schema).items():
        successes = {code: r for code, r in operation["responses"].items() if int(code) < 300}
        assert len(successes) == 1, key
        code, response = next(iter(successes.items()))
        if code == "204":
            assert "content" not in response, key
        else:
            assert response["content"]["application/json"]["schema"], key


def test_protected_operations_use_the_password_flow_of_the_token_route(
    schema: dict[str, Any],
) -> None:
    schemes = schema["components"]["securitySchemes"]
    flows = [scheme["flows"] for scheme in schemes.values() if scheme["type"] == "oauth2"]
    assert [flow["password"]["tokenUrl"] for flow in flows] == [TOKEN_PATH]
    assert "post" in schema["paths"][TOKEN_PATH]

    protected = {key for key, operation in operations(schema).items() if "security" in operation}
    answers_401 = {key for key, codes in EXPECTED_ERRORS.items() if "401" in codes}
    assert protected == answers_401 - {("post", TOKEN_PATH)}
