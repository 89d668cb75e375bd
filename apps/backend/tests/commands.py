"""Run a command the way a developer would: from apps/backend, against the test database."""

import os
import subprocess
from pathlib import Path

BACKEND_DIR = Path(__file__).resolve().parents[1]


def run_in_backend(
    *args: str, timeout: int = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=BACKEND_DIR,
        env=os.environ | {"ENVIRONMENT": "test"} | (env or {}),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
