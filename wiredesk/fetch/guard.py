"""The SSRF guard: which addresses wiredesk may connect to.

A feed is input from strangers, and so is every redirect it leads to. Before any
connection the host is resolved, every address it resolves to is checked, and the
connection goes to an address that passed; the name is never resolved twice, so a DNS
answer that changes between check and connect (rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from wiredesk.fetch.errors import DNS_ERROR, SSRF_BLOCKED, TIMEOUT, FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
#: Cloud metadata services that are not already link-local or private.
_METADATA = {
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("192.0.0.192"),  # Oracle Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
}
_LEGACY_IPV4 = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}", re.I)
_dns_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="wiredesk-dns")


def literal_address(host: str) -> Address | None:
    """The address a host names literally, including the forms browsers and libc accept:
    ``[::1]``, ``2130706433``, ``0x7f.1``, ``0177.0.0.1``."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, compatible, 6to4, Teredo, NAT64)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if int(address) >> 32 == 0 and int(address) > 1:  # deprecated ::a.b.c.d
        return ipaddress.IPv4Address(int(address))
    return None


def blocked_reason(address: Address) -> str | None:
    """Why wiredesk never connects to this address, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None:
            return blocked_reason(inner)
    if address in _METADATA or address == ipaddress.ip_address("169.254.169.254"):
        return "a cloud metadata address"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "a carrier-grade NAT address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private address"
    if address.is_reserved or not address.is_global:
        return "a reserved address"
    return None


@dataclass(frozen=True)
class AllowRule:
    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    port: int | None = None

    def matches(self, address: Address, port: int) -> bool:
        return address in self.network and (self.port is None or self.port == port)


def parse_allow_rule(text: str) -> AllowRule:
    """``127.0.0.1``, ``10.0.0.0/8``, ``127.0.0.1:8080`` or ``[::1]:8080``."""
    value = text.strip()
    port: int | None = None
    bracketed = re.fullmatch(r"\[([^\]]+)\](?::(\d+))?", value)
    if bracketed:
        value, port = bracketed.group(1), int(bracketed.group(2)) if bracketed.group(2) else None
    elif value.count(":") == 1:
        value, port_text = value.split(":")
        port = int(port_text)
    try:
        return AllowRule(ipaddress.ip_network(value, strict=False), port)
    except ValueError:
        raise ValueError(f"{text!r} is not an address, a network or address:port") from None


class AddressPolicy:
    """Resolves a host once and returns only addresses that may be connected to."""

    def __init__(self, allow: Iterable[str] = (), resolver: Resolver | None = None) -> None:
        self.allow = [parse_allow_rule(rule) for rule in allow]
        self.resolver = resolver or system_resolver

    def allowed(self, address: Address, port: int) -> bool:
        return any(rule.matches(address, port) for rule in self.allow)

    def check(self, address: Address, port: int, host: str) -> None:
        if self.allowed(address, port):
            return
        reason = blocked_reason(address)
        if reason:
            shown = host if host == str(address) else f"{host} ({address})"
            raise FetchError(SSRF_BLOCKED, f"{shown} is {reason}; not connecting")

    def resolve(self, host: str, port: int, timeout: float) -> list[str]:
        """Checked addresses for ``host``, in the resolver's order; raises FetchError."""
        literal = literal_address(host)
        if literal is not None:
            self.check(literal, port, host)
            return [str(literal)]
        if not host or len(host) > 253:
            raise FetchError(DNS_ERROR, f"{host!r} is not a host name")
        future = _dns_pool.submit(self.resolver, host, port)
        try:
            found = future.result(timeout=max(timeout, 0.001))
        except FutureTimeout:
            raise FetchError(TIMEOUT, f"{host}: no DNS answer in {timeout:.1f}s") from None
        except (OSError, UnicodeError) as exc:
            raise FetchError(DNS_ERROR, f"{host}: does not resolve ({_reason(exc)})") from None
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in dict.fromkeys(found)]
        if not addresses:
            raise FetchError(DNS_ERROR, f"{host}: no addresses")
        # One bad address condemns the name: a mixed answer is how rebinding starts.
        for address in addresses:
            self.check(address, port, host)
        return [str(a) for a in addresses]


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


def static_resolver(table: dict[str, Sequence[str]]) -> Resolver:
    """A resolver from a fixed table (tests, benchmarks); unknown names do not resolve."""

    def resolve(host: str, port: int) -> list[str]:
        if host.lower() not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return list(table[host.lower()])

    return resolve


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
