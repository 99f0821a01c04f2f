"""The address guard: non-public targets are refused before any connection."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from claimwatch.errors import is_transient
from sources.exceptions import BlockedAddress, NetworkError
from sources.netguard import Resolver, check_url, is_public, system_resolver

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::6810:84e5", True),
        ("10.0.0.1", False),  # private
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),  # loopback
        ("::1", False),
        ("169.254.169.254", False),  # link-local (cloud metadata)
        ("fe80::1", False),
        ("224.0.0.1", False),  # multicast
        ("ff02::1", False),
        ("0.0.0.0", False),  # unspecified
        ("::", False),
        ("240.0.0.1", False),  # reserved
        ("100.64.0.1", False),  # carrier-grade NAT
        ("fc00::1", False),  # unique local
        ("::ffff:10.0.0.1", False),  # IPv4-mapped private
        ("::ffff:93.184.216.34", True),  # IPv4-mapped public
        ("2002:a00:1::1", False),  # 6to4 wrapping 10.0.0.1
        ("64:ff9b::7f00:1", False),  # NAT64 wrapping 127.0.0.1
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


async def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"IP literals must not be resolved ({host})")


def answers(*addresses: str) -> Resolver:
    async def resolver(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolver


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/x", "http://127.0.0.1:8080/", "https://[::1]/", "http://[fe80::1]/"]
)
async def test_ip_literals_are_checked_without_dns(url: str) -> None:
    with pytest.raises(BlockedAddress):
        await check_url(url, resolver=no_dns)


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f.1/", "http://localhost/"])
async def test_odd_spellings_of_loopback_are_caught_by_resolving(url: str) -> None:
    """The system resolver reads these as 127.0.0.1, and so would the connection."""
    with pytest.raises(BlockedAddress):
        await check_url(url, resolver=system_resolver)


@pytest.mark.parametrize("local_ok", [False, True])
async def test_impossible_port_is_refused(local_ok: bool) -> None:
    with pytest.raises(BlockedAddress, match="port 99999"):
        await check_url("http://93.184.216.34:99999/", resolver=no_dns, local_ok=local_ok)


async def test_public_ip_literal_passes() -> None:
    await check_url("http://93.184.216.34/news", resolver=no_dns)


async def test_name_resolving_to_private_address_is_refused() -> None:
    with pytest.raises(BlockedAddress, match=r"intranet\.example resolves to .*10\.0\.0\.5"):
        await check_url("http://intranet.example/", resolver=answers("10.0.0.5"))


async def test_one_private_answer_among_public_ones_is_enough_to_refuse() -> None:
    with pytest.raises(BlockedAddress):
        await check_url("http://mixed.example/", resolver=answers("93.184.216.34", "127.0.0.1"))


async def test_name_resolving_to_public_addresses_passes() -> None:
    await check_url("https://news.example/a", resolver=answers("93.184.216.34", "2606:4700::1"))


async def test_resolver_gets_the_default_port() -> None:
    asked: list[tuple[str, int]] = []

    async def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["93.184.216.34"]

    await check_url("https://News.Example/a", resolver=resolver)
    assert asked == [("news.example", 443)]


@pytest.mark.parametrize(
    "failure", [socket.gaierror(socket.EAI_NONAME, "Name or service not known"), None]
)
async def test_dns_failure_is_transient(failure: OSError | None) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        if failure is not None:
            raise failure
        return []

    with pytest.raises(NetworkError) as caught:
        await check_url("http://gone.example/", resolver=resolver)
    assert is_transient(caught.value)


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "http:///path"])
async def test_only_http_urls_with_a_host_are_allowed(url: str) -> None:
    with pytest.raises(BlockedAddress):
        await check_url(url, resolver=no_dns)


async def test_local_sources_may_use_loopback() -> None:
    await check_url("http://127.0.0.1:8000/feed.xml", resolver=no_dns, local_ok=True)
    await check_url("http://demo.local/feed.xml", resolver=no_dns, local_ok=True)


async def test_system_resolver_finds_localhost() -> None:
    assert {"127.0.0.1", "::1"} & set(await system_resolver("localhost", 80))
