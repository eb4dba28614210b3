"""The preview's web server: the page, its state as JSON, and the slide pictures, on 127.0.0.1 only.

The standard library's threading HTTP server is enough for one person's browser:
`/` is the page (preview.html), `/state.json` what it shows, `/wait?version=N`
answers when the state moves past N (a long poll: the page updates itself the
moment a render lands, without polling hard), `/slides/NAME` a slide's PNG.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from buyin_cli.preview import Preview

LONG_POLL_SECONDS = 25


def serve(preview: Preview, port: int = 0) -> ThreadingHTTPServer:
    """Start serving `preview` on 127.0.0.1:`port` (0: any free port) in a background thread."""
    page = (resources.files("buyin_cli") / "preview.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/":
                self._send(page, "text/html; charset=utf-8")
            elif url.path == "/state.json":
                self._json(preview.state())
            elif url.path == "/wait":
                try:
                    seen = int(parse_qs(url.query).get("version", ["-1"])[0])
                except ValueError:
                    seen = -1
                self._json({"version": preview.wait(seen, LONG_POLL_SECONDS)})
            elif url.path.startswith("/slides/"):
                png = preview.picture(url.path.removeprefix("/slides/"))
                if png is None:
                    self.send_error(HTTPStatus.NOT_FOUND)
                else:
                    # Named by content: a picture never changes, so the browser may keep it.
                    self._send(png, "image/png", cache="max-age=31536000, immutable")
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _json(self, data: dict[str, Any]) -> None:
            self._send(json.dumps(data, ensure_ascii=False).encode("utf-8"),
                       "application/json; charset=utf-8")

        def _send(self, body: bytes, kind: str, cache: str = "no-store") -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal is watch's: problems and renders, not requests

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
