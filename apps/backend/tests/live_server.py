"""A real server process on 127.0.0.1 for tests that need one: started, polled, always stopped."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tests.commands import BACKEND_DIR

STARTUP_TIMEOUT_SECONDS = 90
STOP_TIMEOUT_SECONDS = 30
POLL_INTERVAL_SECONDS = 0.25


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(**overrides: str) -> dict[str, str]:
    """This interpreter's virtualenv first on PATH, so `python`, `alembic`, `uvicorn` are ours."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return dict(os.environ) | {"PATH": path, "PYTHONUNBUFFERED": "1"} | overrides


def call(
    url: str,
    method: str = "GET",
    *,
    json_body: object = None,
    form: dict[str, str] | None = None,
    token: str | None = None,
    timeout: float = 10,
) -> tuple[int, Any]:
    """One HTTP request to the live server; returns the status and the decoded JSON body."""
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname == "127.0.0.1", "tests only talk to the loopback interface"
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = None
    if json_body is not None:
        body, headers["Content-Type"] = json.dumps(json_body).encode(), "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=timeout)
    try:
        target = f"{parts.path}?{parts.query}" if parts.query else parts.path
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        status, content = response.status, response.read()
    finally:
        connection.close()
    return status, json.loads(content) if content else None


def answers(url: str) -> bool:
    try:
        call(url, timeout=2)
    except (OSError, ValueError, http.client.HTTPException):
        return False
    return True


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def group_gone(pgid: int, timeout: float) -> bool:
    """Helpers such as multiprocessing's resource tracker exit just after the server does."""
    deadline = time.monotonic() + timeout
    while group_alive(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_INTERVAL_SECONDS)
    return True


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as `docker stop` sends; ignoring it or leaving workers behind fails the test."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    if process.poll() is None or not group_gone(process.pid, STOP_TIMEOUT_SECONDS):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
        raise AssertionError("the server ignored SIGTERM or left processes behind")


@contextmanager
def running_server(
    command: list[str], env: dict[str, str], log_path: Path, health_url: str
) -> Iterator[subprocess.Popen[bytes]]:
    """Start `command` in its own process group, wait (bounded) for `health_url`, then stop it."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=BACKEND_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not answers(health_url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not come up; its output:\n{log_path.read_text()}")
            time.sleep(POLL_INTERVAL_SECONDS)
        yield process
    finally:
        stop_server(process)
