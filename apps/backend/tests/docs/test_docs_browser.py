"""/docs in headless Chromium against a live server: the operations render, Authorize logs in,
and GET /users/me runs from the page. Only 127.0.0.1 resolves in this browser, so a page that
still needed a CDN would stay blank and fail here.
"""

import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import Engine

from tests.commands import BACKEND_DIR
from tests.live_server import call, free_port, running_server, server_env

ARTIFACTS = BACKEND_DIR / ".test-artifacts"
PASSWORD = "correct-horse-battery"
UI_TIMEOUT_SECONDS = 30
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2400",
    # Any host but the test server fails to resolve: the page must be self-sufficient.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_binaries() -> tuple[str, str]:
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium and chromedriver:
        return chromium, chromedriver
    reason = "needs Chromium and chromedriver (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the /docs browser test; it {reason}")
    pytest.skip(reason)


@pytest.fixture
def browser(browser_binaries: tuple[str, str], tmp_path: Path) -> Iterator[WebDriver]:
    chromium, chromedriver = browser_binaries
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def live_server(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """The app under uvicorn on a free port, on the test database the `engine` fixture migrated."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
    with running_server(
        [*command, "--port", str(port)],
        server_env(ENVIRONMENT="test"),
        tmp_path / "server.log",
        f"{base_url}/api/v1/health",
    ):
        yield base_url


@pytest.fixture
def docs_user(live_server: str) -> Iterator[str]:
    """A user registered through the API (committed for real), deleted through it afterwards."""
    username = f"docs_{uuid.uuid4().hex[:12]}"
    status, user = call(
        f"{live_server}/api/v1/users",
        "POST",
        json_body={
            "email": f"{username}@example.com",
            "username": username,
            "name": "Docs Reader",
            "age": 30,
            "password": PASSWORD,
        },
    )
    assert status == 201
    try:
        yield username
    finally:
        form = {"username": username, "password": PASSWORD}
        _, token = call(f"{live_server}/api/v1/auth/token", "POST", form=form)
        deleted, _ = call(
            f"{live_server}/api/v1/users/{user['id']}", "DELETE", token=token["access_token"]
        )
        assert deleted == 204


def screenshot(browser: WebDriver, engine: Engine, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"docs-{name}-{engine.url.get_backend_name()}.png"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(path))
    return path


def log_in_through_authorize(browser: WebDriver, wait: WebDriverWait[WebDriver], user: str) -> None:
    browser.find_element(By.CSS_SELECTOR, ".auth-wrapper button.authorize").click()
    wait.until(expected_conditions.visibility_of_element_located((By.ID, "oauth_username")))
    browser.find_element(By.ID, "oauth_username").send_keys(user)
    browser.find_element(By.ID, "oauth_password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, ".modal-ux button.authorize").click()
    # Swagger UI turns the button into "Logout" only once the token endpoint said 200.
    logout = (By.XPATH, "//div[contains(@class, 'modal-ux')]//button[normalize-space()='Logout']")
    wait.until(expected_conditions.visibility_of_element_located(logout))
    browser.find_element(By.CSS_SELECTOR, ".modal-ux button.btn-done").click()


def execute(operation: WebElement, wait: WebDriverWait[WebDriver]) -> tuple[str, str]:
    """Expand an operation, "Try it out", "Execute"; return the live status and response text."""
    operation.find_element(By.CSS_SELECTOR, ".opblock-summary-control").click()
    wait.until(lambda _: operation.find_elements(By.CSS_SELECTOR, "button.try-out__btn"))
    operation.find_element(By.CSS_SELECTOR, "button.try-out__btn").click()
    wait.until(lambda _: operation.find_elements(By.CSS_SELECTOR, "button.execute"))
    operation.find_element(By.CSS_SELECTOR, "button.execute").click()
    row = ".live-responses-table .response"
    wait.until(lambda _: operation.find_elements(By.CSS_SELECTOR, f"{row} .response-col_status"))
    status = operation.find_element(By.CSS_SELECTOR, f"{row} .response-col_status").text
    body = operation.find_element(By.CSS_SELECTOR, f"{row} .response-col_description").text
    return status.strip(), body


def test_docs_render_log_in_through_authorize_and_call_users_me(
    browser: WebDriver, live_server: str, docs_user: str, engine: Engine
) -> None:
    _, schema = call(f"{live_server}/openapi.json")
    summaries = sorted(op["summary"] for ops in schema["paths"].values() for op in ops.values())
    wait = WebDriverWait(browser, UI_TIMEOUT_SECONDS)

    browser.get(f"{live_server}/docs")
    wait.until(lambda _: len(browser.find_elements(By.CSS_SELECTOR, ".opblock")) == len(summaries))
    shown = browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-description")
    assert sorted(element.text for element in shown) == summaries
    screenshot(browser, engine, "operations")

    log_in_through_authorize(browser, wait, docs_user)
    me = browser.find_element(By.ID, "operations-users-read_current_user_api_v1_users_me_get")
    status, body = execute(me, wait)
    screenshot(browser, engine, "users-me")

    assert status == "200"
    assert f'"username": "{docs_user}"' in body
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)"
    )
    assert loaded
    assert all(url.startswith(f"{live_server}/") for url in loaded), loaded
