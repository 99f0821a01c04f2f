"""Refuse fetch targets that are not on the public internet (SSRF guard).

A feed that a stranger writes can link to ``http://127.0.0.1:8080/admin`` or to a machine on
the crawler's private network. Before any connection, the host of every URL (and of every
redirect hop) is resolved and each address it resolves to must be public. IP literals are
checked without DNS. Sources marked local in the catalogue (the demo) pass ``local_ok=True``.

Known limit: the guard resolves the name, then httpx resolves it again when connecting, so a
DNS server that answers differently the second time (DNS rebinding) is not caught. Pinning the
connection to the checked address would need a custom transport; not worth it for news sites.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable

import httpx

from sources.exceptions import BlockedAddress, NetworkError

logger = logging.getLogger(__name__)

Resolver = Callable[[str, int], Awaitable[list[str]]]
"""``resolver(host, port)`` returns the IP addresses (as strings) the host resolves to."""

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# RFC 6052 well-known NAT64 prefix: the last 32 bits are an IPv4 address.
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(ip: IPAddress) -> bool:
    """True when ``ip`` is a globally routable unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_public(inner)
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global  # catches shared address space (100.64/10) and the like
    )


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address, or None when it is a name."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve ``host`` with the operating system's resolver, without blocking the loop."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def check_url(url: str, *, resolver: Resolver, local_ok: bool = False) -> None:
    """Raise unless ``url`` is http(s) and its host resolves only to public addresses.

    Raises:
        BlockedAddress: wrong scheme, or the host is (or resolves to) a non-public address.
        NetworkError: the host name could not be resolved (transient: DNS may recover).
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise BlockedAddress(f"not a valid URL ({exc}); fix the link", url=url) from exc
    if parsed.scheme not in ALLOWED_SCHEMES or not parsed.host:
        raise BlockedAddress(
            f"only http(s) URLs with a host are fetched, not {parsed.scheme!r}", url=url
        )
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise BlockedAddress(f"port {parsed.port} does not exist; fix the link", url=url)
    if local_ok:
        return
    literal = parse_ip(parsed.host)
    if literal is not None:
        addresses: list[str] = [str(literal)]
    else:
        port = parsed.port or DEFAULT_PORTS[parsed.scheme]
        try:
            addresses = await resolver(parsed.host, port)
        except OSError as exc:  # socket.gaierror is an OSError
            raise NetworkError(f"cannot resolve {parsed.host}: {exc}", url=url) from exc
        if not addresses:
            raise NetworkError(f"{parsed.host} resolved to no address", url=url)
    for address in addresses:
        ip = parse_ip(address)
        if ip is None or not is_public(ip):
            logger.warning("refused %s: %s resolves to %s", url, parsed.host, address)
            raise BlockedAddress(
                f"{parsed.host} resolves to non-public address {address}; mark the source "
                "as local in the catalogue if this is intended",
                url=url,
            )
