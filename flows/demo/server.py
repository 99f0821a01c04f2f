"""An in-process HTTP server for the demo corpus, so the demo and tests use the real fetch path.

Files under ``corpus/`` are served as they are, except that the placeholder ``{base}`` in them
(feed links, canonical links) is replaced by the server's own origin. Responses carry a strong
ETag and a Last-Modified date and honour conditional GETs, like a well-behaved news site.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import sys
import threading
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

DEMO_DIR = Path(__file__).resolve().parent
CORPUS_DIR = DEMO_DIR / "corpus"
CATALOGUE_PATH = DEMO_DIR / "catalogue.toml"
MANIFEST_NAME = "manifest.json"
PLACEHOLDER = b"{base}"

ROBOTS_TXT = b"User-agent: *\nDisallow: /admin/\nAllow: /\n"
# Files that are not pages get one fixed date, so the same corpus always answers the same way.
CORPUS_EPOCH = datetime(2025, 1, 21, 6, 0, tzinfo=UTC)
# serve_forever checks for shutdown this often; the default 0.5 s makes every stop() slow.
SHUTDOWN_POLL_SECONDS = 0.02

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


def _read_manifest(root: Path) -> dict[str, Any]:
    """The corpus manifest, or an empty one when ``root`` has none (a test's tiny corpus)."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {"pages": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _page_headers(manifest: dict[str, Any]) -> dict[str, tuple[str, datetime]]:
    """Per-page Content-Type and Last-Modified, keyed by URL path ("/outlet/...html")."""
    headers: dict[str, tuple[str, datetime]] = {}
    for page in manifest.get("pages", []):
        charset = page.get("header_charset", "utf-8")
        content_type = f"text/html; charset={charset}" if charset else "text/html"
        published = datetime.fromisoformat(page["published"])
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        headers["/" + page["path"]] = (content_type, published.astimezone(UTC))
    return headers


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses weak comparison (RFC 9110 13.1.2): ``W/`` prefixes are ignored."""
    if header.strip() == "*":
        return True
    candidates = (tag.strip().removeprefix("W/") for tag in header.split(","))
    return etag in candidates


def _not_modified_since(header: str, last_modified: datetime) -> bool:
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= since


class _Handler(BaseHTTPRequestHandler):
    """Serves one request from the corpus of the :class:`DemoServer` that owns the socket."""

    server: _CorpusHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "claimwatch-demo/1"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep stderr quiet: tests and the demo print their own summaries."""
        logger.debug("demo server: " + format, *args)

    def _answer(self, *, send_body: bool) -> None:
        demo = self.server.demo
        path = unquote(urlsplit(self.path).path)
        demo._record(path)
        if path == "/robots.txt":
            self._send(ROBOTS_TXT, "text/plain; charset=utf-8", CORPUS_EPOCH, send_body)
            return
        file = demo._resolve(path)
        if file is None:
            self._send_error(HTTPStatus.NOT_FOUND, send_body)
            return
        template = file.read_bytes()
        body = template.replace(PLACEHOLDER, demo.base_url.encode("ascii"))
        content_type, last_modified = demo._headers_for(path, file)
        # The ETag names the file, not the port it is served on, so that a later demo on
        # another port still gets 304 Not Modified (the mirror's identity is port-free too).
        self._send(body, content_type, last_modified, send_body, etag=_etag(template))

    def _send(
        self,
        body: bytes,
        content_type: str,
        last_modified: datetime,
        send_body: bool,
        *,
        etag: str | None = None,
    ) -> None:
        etag = etag or _etag(body)
        if_none_match = self.headers.get("If-None-Match")
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_none_match is not None:
            not_modified = _etag_matches(if_none_match, etag)
        else:
            not_modified = bool(if_modified_since) and _not_modified_since(
                if_modified_since or "", last_modified
            )
        self.send_response(HTTPStatus.NOT_MODIFIED if not_modified else HTTPStatus.OK)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.format_datetime(last_modified, usegmt=True))
        self.send_header("Cache-Control", "max-age=0, must-revalidate")
        if not_modified:
            self.end_headers()
            return
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, send_body: bool) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _CorpusHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    """A web server's listen backlog (socketserver's is 5, and a dropped connection waits a
    second to retry)."""

    def __init__(self, address: tuple[str, int], demo: DemoServer) -> None:
        super().__init__(address, _Handler)
        self.demo = demo

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a failed request instead of printing a traceback to stderr.

        A client that hangs up mid-request (a refused traversal, a fetcher's timeout) is
        normal traffic, not an error of the server.
        """
        if isinstance(sys.exc_info()[1], ConnectionError):
            logger.debug("demo server: %s hung up", client_address)
            return
        logger.exception("demo server: request from %s failed", client_address)


class DemoServer:
    """Serve a corpus on loopback from a background thread; use as a context manager.

    Args:
        root: the corpus directory (default: the shipped demo corpus).
        host: address to bind; keep it on loopback.
        port: 0 picks a free ephemeral port.

    ``requests`` lists every requested path (query string dropped), in arrival order.
    """

    def __init__(self, root: Path | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = (root or CORPUS_DIR).resolve()
        self.host = host
        self.port = port
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._httpd: _CorpusHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._page_headers = _page_headers(_read_manifest(self.root))

    @property
    def base_url(self) -> str:
        """The origin that replaces ``{base}``, e.g. ``http://127.0.0.1:43117``."""
        if self._httpd is None:
            raise RuntimeError("DemoServer is not running: call start() or use it in a with block")
        return f"http://{self.host}:{self._httpd.server_address[1]}"

    def start(self) -> None:
        """Bind the socket and serve from a daemon thread."""
        if self._httpd is not None:
            return
        self._httpd = _CorpusHTTPServer((self.host, self.port), self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
            name="claimwatch-demo-server",
            daemon=True,
        )
        self._thread.start()
        logger.info("demo server serving %s at %s", self.root, self.base_url)

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
        self._httpd = None
        self._thread = None

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def _resolve(self, path: str) -> Path | None:
        """The file behind a URL path, or None: no directories, nothing outside the corpus."""
        parts = [part for part in path.split("/") if part]
        if not parts or any(part in {".", ".."} or "\\" in part for part in parts):
            return None
        if parts[0].startswith(("_", ".")) or parts == [MANIFEST_NAME]:
            return None
        file = self.root.joinpath(*parts).resolve()
        if not file.is_relative_to(self.root) or not file.is_file():
            return None
        return file

    def _headers_for(self, path: str, file: Path) -> tuple[str, datetime]:
        if path in self._page_headers:
            return self._page_headers[path]
        content_type = CONTENT_TYPES.get(file.suffix, "application/octet-stream")
        return content_type, CORPUS_EPOCH


def demo_catalogue(base_url: str) -> str:
    """The demo catalogue (``catalogue.toml``) with ``{base}`` replaced by ``base_url``."""
    text = CATALOGUE_PATH.read_text(encoding="utf-8")
    return text.replace(PLACEHOLDER.decode("ascii"), base_url.rstrip("/"))


def load_manifest(root: Path | None = None) -> dict[str, Any]:
    """The corpus manifest: every page with its outlet, date, topic, claims and statements."""
    return _read_manifest((root or CORPUS_DIR).resolve())
