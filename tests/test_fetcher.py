"""The polite fetcher against a real HTTP server on 127.0.0.1 (pytest-httpserver, threaded)."""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from claimwatch.errors import is_transient
from sources.exceptions import (
    BlockedAddress,
    BodyTooLarge,
    FetchError,
    FetchTimeout,
    NetworkError,
    PermanentHTTPStatusError,
    TooManyRedirects,
    TransientHTTPStatusError,
    UnexpectedContentType,
)
from sources.fetcher import (
    FetchConfig,
    Fetcher,
    FetchResult,
    backoff_delay,
    is_retryable_status,
    parse_retry_after,
    translate_errors,
)

pytestmark = pytest.mark.anyio

HTML = b"<!doctype html><html><head><title>t</title></head><body><p>Hello</p></body></html>"
RUSSIAN = (
    "Советник верховного лидера Ирана заявил в Москве, что российские нефтяные компании "
    "готовы вложить до пятидесяти миллиардов долларов в нефтяную и газовую отрасль Ирана. "
    "В Кремле сказали, что не могут подтвердить эти цифры."
)
# Written with the Arabic yeh (U+064A), as windows-1256 sites do: it has no Persian yeh.
PERSIAN = "مشاور رهبر ايران در مسکو گفت شرکت‌هاي نفتي روسيه قرارداد چهار ميليارد دلاري امضا کرده‌اند."


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    """One threaded server per module, so stalled or counted handlers run side by side."""
    httpd = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpd.start()
    yield httpd
    httpd.clear()
    httpd.stop()


@pytest.fixture
def httpd(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()


def fast(**overrides: object) -> FetchConfig:
    """A config with tiny waits, robots.txt off (test_robots.py covers it)."""
    settings: dict[str, object] = {
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "total_timeout": 3.0,
        "per_host_delay": 0.0,
        "retries": 2,
        "backoff_base": 0.01,
        "backoff_max": 0.05,
        "respect_robots": False,
    }
    settings.update(overrides)
    return FetchConfig(**settings)  # type: ignore[arg-type]


async def fetch(url: str, config: FetchConfig | None = None, **kwargs: object) -> FetchResult:
    async with Fetcher(config or fast()) as fetcher:
        return await fetcher.get(url, local_ok=True, **kwargs)  # type: ignore[arg-type]


def counting(httpd: HTTPServer, path: str, responses: list[Response]) -> list[float]:
    """Serve ``responses`` in turn (the last one repeats); return the request times."""
    seen: list[float] = []

    def handler(request: Request) -> Response:
        seen.append(time.monotonic())
        return responses[min(len(seen), len(responses)) - 1]

    httpd.expect_request(path).respond_with_handler(handler)
    return seen


def html(status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(HTML, status=status, headers=headers, content_type="text/html")


# --- headers and conditional GET -------------------------------------------------------------


async def test_user_agent_names_project_and_contact(httpd: HTTPServer) -> None:
    httpd.expect_request("/ua").respond_with_data(HTML, content_type="text/html")
    await fetch(httpd.url_for("/ua"), fast(contact="desk@claimwatch.test"))
    agent = httpd.log[0][0].headers["User-Agent"]
    assert agent.startswith("claimwatch/0.1")
    assert "desk@claimwatch.test" in agent


async def test_conditional_get_sends_validators_and_304_is_a_result(httpd: HTTPServer) -> None:
    validators = {"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 16 Jul 2018 10:00:00 GMT"}
    httpd.expect_request("/feed", headers=validators).respond_with_data("", status=304)
    result = await fetch(
        httpd.url_for("/feed"), etag='"v1"', last_modified=validators["If-Modified-Since"]
    )
    assert (result.status, result.not_modified, result.content) == (304, True, b"")
    assert result.etag == '"v1"'  # kept for the next poll even if the 304 omits it


async def test_validators_of_a_fresh_answer_are_returned(httpd: HTTPServer) -> None:
    httpd.expect_request("/page").respond_with_response(
        html(headers={"ETag": '"abc"', "Last-Modified": "Tue, 17 Jul 2018 08:00:00 GMT"})
    )
    result = await fetch(httpd.url_for("/page"))
    assert (result.etag, result.last_modified) == ('"abc"', "Tue, 17 Jul 2018 08:00:00 GMT")
    assert (result.status, result.content, result.content_type) == (200, HTML, "text/html")


# --- redirects -------------------------------------------------------------------------------


async def test_relative_redirect_is_followed(httpd: HTTPServer) -> None:
    httpd.expect_request("/news/old").respond_with_data("", 301, {"Location": "../story/new"})
    httpd.expect_request("/story/new").respond_with_data(HTML, content_type="text/html")
    result = await fetch(httpd.url_for("/news/old"), accept="html")
    assert result.final_url == httpd.url_for("/story/new")
    assert result.url == httpd.url_for("/news/old")


async def test_redirect_loop_is_refused(httpd: HTTPServer) -> None:
    httpd.expect_request("/a").respond_with_data("", 302, {"Location": "/b"})
    httpd.expect_request("/b").respond_with_data("", 302, {"Location": "/a"})
    with pytest.raises(TooManyRedirects, match="loop"):
        await fetch(httpd.url_for("/a"))
    assert len(httpd.log) == 2


async def test_redirects_past_the_limit_are_refused(httpd: HTTPServer) -> None:
    for hop in range(5):
        httpd.expect_request(f"/r{hop}").respond_with_data("", 307, {"Location": f"/r{hop + 1}"})
    with pytest.raises(TooManyRedirects, match="more than 2"):
        await fetch(httpd.url_for("/r0"), fast(max_redirects=2))
    assert len(httpd.log) == 3


async def test_redirect_without_location_is_permanent(httpd: HTTPServer) -> None:
    httpd.expect_request("/moved").respond_with_data("", 302)
    with pytest.raises(PermanentHTTPStatusError) as caught:
        await fetch(httpd.url_for("/moved"))
    assert caught.value.status == 302


async def test_redirect_to_an_unparsable_location_is_a_fetch_error() -> None:
    """httpx rejects the header while reading the response: it surfaces as a NetworkError.

    Werkzeug will not send such a header, so a mock transport stands in for the server.
    """

    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "//[::1"})

    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    client = httpx.AsyncClient(transport=httpx.MockTransport(broken))
    async with client, Fetcher(fast(retries=0), client, resolver=resolver) as fetcher:
        with pytest.raises(NetworkError, match="location header"):
            await fetcher.get("http://news.example/story")


async def test_every_redirect_hop_passes_the_address_guard() -> None:
    """A public page redirecting to a private address: the second hop is never requested."""
    requested: list[str] = []

    def public_site(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://10.0.0.1/admin"})

    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    client = httpx.AsyncClient(transport=httpx.MockTransport(public_site))
    async with client, Fetcher(fast(), client, resolver=resolver) as fetcher:
        with pytest.raises(BlockedAddress, match=r"10\.0\.0\.1"):
            await fetcher.get("http://news.example/story")
    assert requested == ["http://news.example/story"]


# --- address guard ---------------------------------------------------------------------------


async def test_loopback_from_a_public_source_is_refused_without_a_request(
    httpd: HTTPServer,
) -> None:
    httpd.expect_request("/").respond_with_data(HTML, content_type="text/html")
    async with Fetcher(fast()) as fetcher:
        with pytest.raises(BlockedAddress):
            await fetcher.get(httpd.url_for("/"))
    assert httpd.log == []


@pytest.mark.parametrize("url", ["http://10.0.0.1/x", "http://[::ffff:10.0.0.1]/x"])
async def test_private_address_is_refused_before_any_connection(url: str) -> None:
    def must_not_send(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"a request left for {request.url}")

    client = httpx.AsyncClient(transport=httpx.MockTransport(must_not_send))
    async with client, Fetcher(fast(), client) as fetcher:
        with pytest.raises(BlockedAddress):
            await fetcher.get(url)


async def test_name_resolving_to_private_address_is_refused() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["10.0.0.5"]

    async with Fetcher(fast(), resolver=resolver) as fetcher:
        with pytest.raises(BlockedAddress, match=r"10\.0\.0\.5"):
            await fetcher.get("http://intranet.example/")


async def test_dns_failure_is_a_transient_network_error() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async with Fetcher(fast(), resolver=resolver) as fetcher:
        with pytest.raises(NetworkError) as caught:
            await fetcher.get("http://no-such-host.example/")
    assert is_transient(caught.value)


# --- timeouts, size, truncation, refused connections ----------------------------------------


async def test_stalled_response_times_out(httpd: HTTPServer) -> None:
    def stall(request: Request) -> Response:
        time.sleep(1.0)
        return html()

    httpd.expect_request("/slow").respond_with_handler(stall)
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as caught:
        await fetch(httpd.url_for("/slow"), fast(read_timeout=0.2, retries=0))
    assert time.monotonic() - started < 0.9
    assert is_transient(caught.value)


async def test_slow_trickle_hits_the_total_timeout(httpd: HTTPServer) -> None:
    """Each chunk arrives within the read timeout, but the whole body takes too long."""

    def trickle(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            for _ in range(20):
                time.sleep(0.05)
                yield b"<p>more</p>"

        return Response(chunks(), content_type="text/html")

    httpd.expect_request("/trickle").respond_with_handler(trickle)
    with pytest.raises(FetchTimeout):
        await fetch(httpd.url_for("/trickle"), fast(read_timeout=0.5, total_timeout=0.3, retries=0))


async def test_body_over_cap_is_refused_from_content_length(httpd: HTTPServer) -> None:
    httpd.expect_request("/big").respond_with_data(b"x" * 2000, content_type="text/html")
    with pytest.raises(BodyTooLarge, match="Content-Length 2000"):
        await fetch(httpd.url_for("/big"), fast(max_bytes=1000))


async def test_body_over_cap_is_refused_while_streaming(httpd: HTTPServer) -> None:
    def endless(request: Request) -> Response:
        return Response((b"y" * 400 for _ in range(10)), content_type="text/html")

    httpd.expect_request("/stream").respond_with_handler(endless)
    with pytest.raises(BodyTooLarge, match="while streaming"):
        await fetch(httpd.url_for("/stream"), fast(max_bytes=1000))
    assert "Content-Length" not in httpd.log[0][1].headers


@pytest.fixture
def truncating_server() -> Iterator[str]:
    """A raw server that promises 1000 bytes, sends 30, and hangs up."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with listener:
            connection, _ = listener.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
                    b"<html><body>only the start"
                )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/cut"
    thread.join(timeout=5)


async def test_truncated_body_is_a_network_error(truncating_server: str) -> None:
    with pytest.raises(NetworkError):
        await fetch(truncating_server, fast(retries=0))


async def test_refused_connection_is_retried_then_a_network_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]  # closed below: nothing listens there
    with pytest.raises(NetworkError, match="ConnectError"):
        await fetch(f"http://127.0.0.1:{port}/", fast(retries=1))


# --- retries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 403, 404, 410])
async def test_client_errors_are_not_retried(httpd: HTTPServer, status: int) -> None:
    seen = counting(httpd, "/gone", [html(status)])
    with pytest.raises(PermanentHTTPStatusError) as caught:
        await fetch(httpd.url_for("/gone"))
    assert (caught.value.status, len(seen)) == (status, 1)


async def test_server_error_then_success_is_retried(httpd: HTTPServer) -> None:
    counting(httpd, "/flaky", [html(500), html()])
    result = await fetch(httpd.url_for("/flaky"))
    assert (result.status, result.attempts) == (200, 2)


async def test_retries_give_up_after_the_limit(httpd: HTTPServer) -> None:
    seen = counting(httpd, "/down", [html(502)])
    with pytest.raises(TransientHTTPStatusError) as caught:
        await fetch(httpd.url_for("/down"), fast(retries=2))
    assert (caught.value.status, len(seen)) == (502, 3)


async def test_retry_after_is_honoured_on_429(httpd: HTTPServer) -> None:
    seen = counting(httpd, "/busy", [html(429, {"Retry-After": "1"}), html()])
    result = await fetch(httpd.url_for("/busy"))
    assert result.attempts == 2
    assert seen[1] - seen[0] >= 0.95


async def test_retry_after_beyond_the_maximum_gives_up_at_once(httpd: HTTPServer) -> None:
    seen = counting(httpd, "/later", [html(503, {"Retry-After": "3600"})])
    with pytest.raises(TransientHTTPStatusError) as caught:
        await fetch(httpd.url_for("/later"), fast(retry_after_max=60))
    assert (caught.value.retry_after, len(seen)) == (3600.0, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("Wed, 21 Oct 2026 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2026 07:27:00 GMT", 0.0),  # in the past: retry now
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 10, 21, 7, 28, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize(
    ("status", "retryable"), [(429, True), (500, True), (507, True), (404, False), (418, False)]
)
def test_retryable_statuses(status: int, retryable: bool) -> None:
    assert is_retryable_status(status) is retryable


def test_backoff_is_jittered_below_an_exponential_cap() -> None:
    rng = random.Random(7)
    delays = [backoff_delay(attempt, 0.5, 3.0, rng) for attempt in (1, 2, 3, 4, 5, 6)]
    caps = [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]
    assert all(0 <= delay <= cap for delay, cap in zip(delays, caps, strict=True))
    assert len(set(delays)) == len(delays)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ReadTimeout("slow"), FetchTimeout),
        (httpx.ConnectTimeout("slow"), FetchTimeout),
        (TimeoutError(), FetchTimeout),
        (httpx.ConnectError("refused"), NetworkError),
        (httpx.RemoteProtocolError("peer closed"), NetworkError),
        (httpx.DecodingError("bad gzip"), NetworkError),
    ],
)
def test_translate_errors_maps_to_fetch_errors(
    error: Exception, expected: type[FetchError]
) -> None:
    with pytest.raises(expected) as caught, translate_errors("http://example.org/x"):
        raise error
    assert caught.value.__cause__ is error
    assert caught.value.url == "http://example.org/x"


# --- content type and charset ----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n%%EOF\n"
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


@pytest.mark.parametrize(
    ("body", "content_type", "accept"),
    [
        (PDF, "application/pdf", "html"),
        (PNG, "image/png", "html"),
        (PDF, "text/html", "html"),  # the header lies; the signature does not
        (HTML, "text/html", "feed"),
        (HTML, "text/html", "json"),
        (b"plain words", "", "html"),
    ],
)
async def test_unexpected_content_is_refused(
    httpd: HTTPServer, body: bytes, content_type: str, accept: str
) -> None:
    httpd.expect_request("/doc").respond_with_response(
        Response(body, headers={"Content-Type": content_type} if content_type else {})
    )
    with pytest.raises(UnexpectedContentType):
        await fetch(httpd.url_for("/doc"), accept=accept)


@pytest.mark.parametrize(
    ("body", "content_type", "accept"),
    [
        (HTML, "text/html; charset=utf-8", "html"),
        (HTML, "", "html"),  # no header: sniffed
        (RSS, "application/rss+xml", "feed"),
        (RSS, "text/html", "feed"),  # a CMS that labels its feed as a page
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "application/atom+xml", "feed"),
        (b'{"articles": []}', "application/json; charset=utf-8", "json"),
        (PDF, "application/pdf", "any"),
    ],
)
async def test_expected_content_is_accepted(
    httpd: HTTPServer, body: bytes, content_type: str, accept: str
) -> None:
    httpd.expect_request("/doc").respond_with_response(
        Response(body, headers={"Content-Type": content_type} if content_type else {})
    )
    result = await fetch(httpd.url_for("/doc"), accept=accept)
    assert result.content == body


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>x</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("text", "encoding", "content_type", "meta", "charset"),
    [
        (RUSSIAN, "cp1251", "text/html; charset=windows-1251", "", "windows-1251"),
        (PERSIAN, "cp1256", "text/html; charset=windows-1256", "", "windows-1256"),
        (RUSSIAN, "cp1251", "text/html", '<meta charset="windows-1251">', "windows-1251"),
        (
            PERSIAN,
            "cp1256",
            "text/html",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            "windows-1256",
        ),
        (PERSIAN, "utf-8", "text/html", "", None),  # nothing declared: UTF-8 first
        # Wrong header: says UTF-8, bytes are windows-1251. Repaired by detection.
        (RUSSIAN, "cp1251", "text/html; charset=utf-8", "", "utf-8"),
        # Wrong header the other way: says windows-1251, bytes are valid UTF-8.
        (RUSSIAN, "utf-8", "text/html; charset=windows-1251", "", "windows-1251"),
    ],
    ids=["cp1251", "cp1256", "meta", "http-equiv", "undeclared", "wrong-utf8", "wrong-1251"],
)
async def test_text_is_decoded_whatever_the_declaration(
    httpd: HTTPServer, text: str, encoding: str, content_type: str, meta: str, charset: str | None
) -> None:
    httpd.expect_request("/page").respond_with_response(
        Response(page(text, meta).encode(encoding), headers={"Content-Type": content_type})
    )
    result = await fetch(httpd.url_for("/page"), accept="html")
    assert result.charset == charset
    assert text in result.text()


# --- concurrency and politeness --------------------------------------------------------------


def in_flight_counter(httpd: HTTPServer, hold: float) -> list[int]:
    """Serve /p/* slowly, recording how many requests are in flight at each arrival."""
    lock = threading.Lock()
    state = {"now": 0}
    peaks: list[int] = []

    def handler(request: Request) -> Response:
        with lock:
            state["now"] += 1
            peaks.append(state["now"])
        time.sleep(hold)
        with lock:
            state["now"] -= 1
        return html()

    httpd.expect_request(re.compile("^/p/")).respond_with_handler(handler)
    return peaks


# Timeouts far above the 0.8 s of queued holds: on a loaded machine a 1 s read timeout fired,
# the fetcher rightly retried, and the server counted nine arrivals for eight pages.
_PATIENT = {"read_timeout": 10.0, "total_timeout": 20.0}


@pytest.mark.parametrize(
    ("config", "limit"),
    [
        (fast(per_host_concurrency=2, **_PATIENT), 2),
        (fast(per_host_concurrency=4, global_concurrency=1, **_PATIENT), 1),
    ],
)
async def test_concurrency_limits_are_never_exceeded(
    httpd: HTTPServer, config: FetchConfig, limit: int
) -> None:
    peaks = in_flight_counter(httpd, hold=0.1)
    async with Fetcher(config) as fetcher:
        await asyncio.gather(
            *(fetcher.get(httpd.url_for(f"/p/{n}"), local_ok=True) for n in range(8))
        )
    assert len(peaks) == 8
    assert max(peaks) == limit


@pytest.mark.parametrize(
    "config",
    [fast(per_host_delay=0.2, per_host_concurrency=4), fast(host_delays={"127.0.0.1": 0.2})],
)
async def test_per_host_delay_spaces_request_starts(httpd: HTTPServer, config: FetchConfig) -> None:
    seen = counting(httpd, "/spaced", [html()])
    sent: list[float] = []

    async def record(request: httpx.Request) -> None:
        sent.append(asyncio.get_running_loop().time())

    # Timed where the client sends: the server thread of this same process can be starved of
    # the GIL on a loaded machine and log two arrivals together.
    hooked = httpx.AsyncClient(event_hooks={"request": [record]})
    async with hooked, Fetcher(config, hooked) as fetcher:
        await asyncio.gather(
            *(fetcher.get(httpd.url_for("/spaced"), local_ok=True) for _ in range(4))
        )
    assert len(seen) == 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(sent)]
    assert len(gaps) == 3
    assert min(gaps) >= 0.15  # 0.2 s apart; allow for the event loop's own jitter


async def test_an_injected_client_is_left_open(httpd: HTTPServer) -> None:
    httpd.expect_request("/x").respond_with_data(HTML, content_type="text/html")
    async with httpx.AsyncClient() as client:
        async with Fetcher(fast(), client) as fetcher:
            await fetcher.get(httpd.url_for("/x"), local_ok=True)
        assert not client.is_closed
