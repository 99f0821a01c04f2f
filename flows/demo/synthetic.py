"""A generated news site on loopback: N article pages and one RSS feed listing them.

Used by the load benchmark and by the crash tests, where the shipped demo corpus is too small.
Pages are built from a bank of sentences with the furniture of a real outlet (navigation,
ads, related links, comments), so trafilatura does real work on them.
"""

from __future__ import annotations

import hashlib
import random
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

RELEVANT = [
    "Officials in Tehran said a Russian energy company had agreed to develop two oil fields "
    "in Iran under a contract worth {money}.",
    "The Kremlin has not commented on the figure, which Iranian media repeated all week.",
    "Gazprom and the National Iranian Oil Company discussed gas deliveries to Iran of up to "
    "{volume} billion cubic metres a year.",
    "Trade between Iran and Russia grew {pct} percent in the first months of the year, the "
    "Iranian side said.",
    "Analysts in Moscow doubted that Russian oil companies would invest in Iran under sanctions.",
]
NEUTRAL = [
    "The city council approved a new budget for road repairs on {day} {month}.",
    "Attendance at the regional football league rose to {count} spectators per match.",
    "The weather service expects rain over the weekend and temperatures near {temp} degrees.",
    "A local museum opened an exhibition of nineteenth-century maps and travel diaries.",
    "Shoppers paid {price} dollars on average for a basket of groceries last month.",
    "The school board will publish the results of its survey of parents in the spring.",
]
MONTHS = ["March", "April", "May", "June", "July", "September"]


def _paragraphs(rng: random.Random, relevant: bool, count: int) -> list[str]:
    bank = RELEVANT + NEUTRAL if relevant else NEUTRAL
    out = []
    for _ in range(count):
        sentences = [
            rng.choice(bank).format(
                money=f"${rng.randint(1, 60)} billion",
                volume=rng.randint(2, 55),
                pct=rng.randint(5, 40),
                day=rng.randint(1, 28),
                month=rng.choice(MONTHS),
                count=rng.randint(2000, 40000),
                temp=rng.randint(-5, 35),
                price=rng.randint(20, 90),
            )
            for _ in range(rng.randint(3, 6))
        ]
        out.append(" ".join(sentences))
    return out


def _is_relevant(index: int, every: int) -> bool:
    return index % every == 0


def page_html(index: int, *, base: str, relevant_every: int = 2) -> str:
    """The article page number ``index`` (deterministic); every n-th is about the deals."""
    rng = random.Random(index)
    relevant = _is_relevant(index, relevant_every)
    title = (
        f"Iran and Russia weigh new oil and gas deal, report {index}"
        if relevant
        else f"City news roundup number {index}"
    )
    published = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=index)
    body = "\n".join(f"<p>{escape(p)}</p>" for p in _paragraphs(rng, relevant, 8))
    nav = "".join(
        f'<li><a href="{base}/section/{s}">{s.title()}</a></li>'
        for s in ("world", "business", "energy", "sport", "culture", "opinion")
    )
    related = "".join(
        f'<li><a href="{base}/a/{(index + k) % 997}.html">Related story {k}</a></li>'
        for k in range(1, 9)
    )
    comments = "".join(
        f'<div class="comment"><b>reader{k}</b><p>{escape(rng.choice(NEUTRAL).format(day=1, month="May", count=1, temp=1, price=1))}</p></div>'  # noqa: E501
        for k in range(5)
    )
    filler = "".join(
        f'<div class="promo"><a href="{base}/promo/{k}">Subscribe for offer {k}</a></div>'
        for k in range(40)
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published.isoformat()}">
<link rel="canonical" href="{base}/a/{index}.html"></head>
<body><header><nav><ul>{nav}</ul></nav><div class="ad">728 x 90</div></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Writer</p>{body}</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<section class="comments"><h2>Comments</h2>{comments}</section>
<footer>{filler}<p>Copyright Synthetic Daily</p></footer></body></html>"""


def _pub_date(index: int) -> str:
    return format_datetime(datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=index))


def feed_xml(count: int, *, base: str, relevant_every: int = 2) -> str:
    items = []
    for i in range(count):
        if _is_relevant(i, relevant_every):
            title, summary = (
                "Iran Russia oil deal report",
                "Iran and Russia discuss an oil contract",
            )
        else:
            title, summary = "City roundup", "Local news"
        items.append(
            f"<item><title>{title} {i}</title><link>{base}/a/{i}.html?utm_source=rss</link>"
            f"<guid>{base}/a/{i}.html</guid><description>{summary}</description>"
            f"<pubDate>{_pub_date(i)}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Synthetic Daily</title><link>{base}/</link><description>generated</description>"
        f"{''.join(items)}</channel></rss>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path.split("?", 1)[0]
        with site.lock:
            site.requests.append(path)
        if path == "/feed.xml":
            feed = feed_xml(site.pages, base=site.base_url, relevant_every=site.relevant_every)
            body, ctype = feed.encode(), "application/rss+xml"
        elif path == "/robots.txt":
            body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
        elif path.startswith("/a/") and path.endswith(".html"):
            index = int(path[3:-5]) if path[3:-5].isdigit() else -1
            if not 0 <= index < site.pages:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            page = page_html(index, base=site.base_url, relevant_every=site.relevant_every)
            body, ctype = page.encode(), "text/html; charset=utf-8"
        else:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    """A web server's listen backlog (socketserver's is 5): with more connections arriving at
    once the kernel drops their SYNs, and each dropped client waits a second to retry."""

    def __init__(self, site: SyntheticSite) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site


class SyntheticSite:
    """Serve ``pages`` generated articles and ``/feed.xml`` on 127.0.0.1 until stopped.

    Every ``relevant_every``-th page (and feed entry) is about Iran–Russia oil deals.
    """

    def __init__(self, pages: int, *, relevant_every: int = 2) -> None:
        self.pages = pages
        self.relevant_every = relevant_every
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self._server = _SiteServer(self)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def catalogue(self) -> str:
        """A catalogue with this site as its only (local) source; topics come from the config."""
        return (
            "[[sources]]\n"
            'id = "synthetic"\nname = "Synthetic Daily"\nkind = "feed"\n'
            f'url = "{self.base_url}/feed.xml"\nlanguage = "en"\nleaning = "independent"\n'
            "poll_minutes = 30\nlocal = true\n"
        )

    def article_requests(self) -> int:
        with self.lock:
            return sum(path.startswith("/a/") for path in self.requests)

    def __enter__(self) -> SyntheticSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
