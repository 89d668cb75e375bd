"""/docs and /redoc load nothing from a CDN: every script, style and icon comes from the app."""

import re
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient


class AssetLinks(HTMLParser):
    """Collect the URLs a page makes the browser fetch (script src, link href)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        self.urls += [value for name, value in attrs if name == wanted and value]


def asset_urls(page: str) -> list[str]:
    parser = AssetLinks()
    parser.feed(page)
    return parser.urls


@pytest.mark.parametrize(("page", "expected_assets"), [("/docs", 3), ("/redoc", 2)])
def test_docs_pages_load_every_asset_from_the_app_itself(
    app: FastAPI, page: str, expected_assets: int
) -> None:
    client = TestClient(app)
    html = client.get(page)

    assert html.status_code == 200
    assert not re.search(r"https?://|//[a-z]", html.text), "the page names another host"
    urls = asset_urls(html.text)
    assert len(urls) == expected_assets
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 1000, url


def test_the_served_swagger_ui_is_a_version_that_renders_openapi_3_1(app: FastAPI) -> None:
    """Swagger UI 4 shows "Unable to render this definition" for the 3.1 schema FastAPI emits."""
    client = TestClient(app)
    bundle_url = next(url for url in asset_urls(client.get("/docs").text) if url.endswith(".js"))

    version = re.search(r'PACKAGE_VERSION:"(\d+)\.(\d+)', client.get(bundle_url).text)

    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    assert version is not None
    assert int(version.group(1)) >= 5
