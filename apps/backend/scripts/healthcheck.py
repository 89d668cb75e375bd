"""Container health check: exit 0 when /api/v1/health answers 200; the slim image has no curl."""

import os
import sys
import urllib.request

HEALTH_PATH = "/api/v1/health"
TIMEOUT_SECONDS = 5


def main() -> int:
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}{HEALTH_PATH}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return 0 if response.status == 200 else 1
    except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors
        print(f"healthcheck: {url}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
