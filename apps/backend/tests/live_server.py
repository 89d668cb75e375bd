"""A real server process on 127.0.0.1 for tests that need one: started, polled, always stopped."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

BACKEND_DIR = Path(__file__).resolve().parents[1]
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


def get_json(url: str, timeout: float = 5) -> tuple[int, object]:
    assert url.startswith("http://127.0.0.1:"), "tests only talk to the loopback interface"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (checked)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def answers(url: str) -> bool:
    try:
        get_json(url, timeout=2)
    except (OSError, ValueError):
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
