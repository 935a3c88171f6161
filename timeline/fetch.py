"""A web page as an article: fetched only when asked, with hard limits, then read like an uploaded file.

    fetch_document("https://example.org/news/a.html")
    -> Document(text="...", published=date(2021, 4, 7), published_source="meta", name="https://example.org/news/a.html")

Nothing else in the package touches the network. A fetch is bounded in every way a hostile or broken
server could stretch it (FetchLimits): http/https only, a connect and a read timeout plus a deadline for
the whole fetch, a size limit checked while the body streams in (the transfer stops past it), at most a few
redirects, each target checked again. Hosts resolving to a private, loopback, link-local or reserved
address are refused (unless `allow_private`): every address the name resolves to is checked, and the
connection goes to the address checked, not to a second lookup of the name (no DNS rebinding). The body
is read by `documents.read_document` (HTML with trafilatura and htmldate, plain text as text); PDFs,
images and other files are refused by their content type before the body is read.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urljoin, urlsplit

from timeline.documents import DEFAULT_MAX_BYTES, DocumentError, read_document
from timeline.types import Document

__all__ = ["FetchError", "FetchLimits", "Fetched", "fetch", "fetch_document", "is_url", "read_fetched"]

SCHEMES = ("http", "https")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "timeline (article reader; fetches one page when a user asks)"
# What read_document is told the body is, by content type (its name's extension decides the format).
_READABLE = {
    "text/html": "page.html", "application/xhtml+xml": "page.html",
    "text/plain": "page.txt", "text/markdown": "page.md", "text/x-markdown": "page.md",
}
_REFUSED = {"application/pdf": "a PDF document", "image/": "an image", "audio/": "an audio file",
            "video/": "a video", "font/": "a font", "application/zip": "a ZIP archive",
            "application/json": "JSON data", "application/octet-stream": "a binary file"}


_HOST = re.compile(r"[\w.:-]+")  # a name (IDN letters too), an IPv4 or an IPv6 address: no spaces or punctuation


class FetchError(DocumentError):
    """A page that cannot be fetched or read as an article; the message is one line for the user."""


@dataclass(frozen=True)
class FetchLimits:
    """How far one fetch may go. `allow_private`: fetch hosts on private/loopback addresses too (a
    server option for local use and tests, never a visitor's choice)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 15.0  # the longest wait for the next bytes
    total_timeout: float = 30.0  # the whole fetch, redirects and a slow trickle of bytes included
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    """A fetched body as received: the address asked for, the one that answered, its content type."""

    requested: str
    url: str
    content_type: str
    charset: str | None
    data: bytes


def is_url(text: str) -> bool:
    """True for text that is an http(s) address (what the CLI and the dashboard treat as a link)."""
    return urlsplit(text.strip()).scheme.lower() in SCHEMES and "//" in text


def fetch_document(url: str, limits: FetchLimits | None = None, published: date | None = None) -> Document:
    """Fetch `url` and read it as an article (see read_fetched). Raises FetchError with a one-line reason."""
    return read_fetched(fetch(url, limits), published=published)


def read_fetched(page: Fetched, published: date | None = None) -> Document:
    """A fetched body -> Document named by the address that answered, read as documents.read_document
    reads a file of its type (HTML: article text, title and the date in the page's metadata)."""
    data = _as_utf8(page.data, page.charset)
    try:
        document = read_document(data, name=_READABLE.get(page.content_type, ""), published=published,
                                 max_bytes=max(len(data), DEFAULT_MAX_BYTES))
    except DocumentError as err:
        raise FetchError(f"{page.url}: {err}") from None
    notes = document.notes
    if page.url != page.requested:
        notes = (f"fetched from {page.url} (redirected from {page.requested})", *notes)
    return replace(document, name=page.url, notes=notes)


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """The body in UTF-8 when the server named another charset that decodes it (read_document would
    otherwise guess); else the bytes as they came."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


# ---------------------------------------------------------------- the fetch


def fetch(url: str, limits: FetchLimits | None = None) -> Fetched:
    """GET `url` within `limits`, following redirects; the body and its content type.

    Raises FetchError (one line) for a bad address, a refused host, a timeout, too many redirects,
    an error status, a body over the size limit or a content type that is not a readable page.
    """
    import httpx

    limits = limits or FetchLimits()
    requested = current = url.strip()
    deadline = time.monotonic() + limits.total_timeout
    seen: set[str] = set()
    timeout = httpx.Timeout(connect=limits.connect_timeout, read=limits.read_timeout,
                            write=limits.read_timeout, pool=limits.connect_timeout)
    # trust_env=False: no proxy from the environment (the address checks are about where we connect).
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(limits.max_redirects + 1):
            seen.add(current)
            if time.monotonic() > deadline:
                raise FetchError(f"{requested}: no page within {limits.total_timeout:g} s")
            try:
                target = _checked_target(current, limits)
                page, location = _get(client, current, target, limits, deadline)
            except httpx.TimeoutException:
                raise FetchError(f"{current}: no answer in time (the limits are {limits.connect_timeout:g} s to "
                                 f"connect, {limits.read_timeout:g} s between reads)") from None
            except httpx.HTTPError as err:
                raise FetchError(f"{current}: cannot fetch: {_reason(err)}") from None
            if page is not None:
                return replace(page, requested=requested)
            next_url = urljoin(current, location)
            if next_url in seen:
                raise FetchError(f"{requested}: redirect loop ({current} leads back to {next_url})")
            current = next_url
    raise FetchError(f"{requested}: too many redirects (more than {limits.max_redirects})")


@dataclass(frozen=True)
class _Target:
    host: str  # the name in the address
    addresses: tuple[str, ...]  # what it resolved to, every one checked


def _checked_target(url: str, limits: FetchLimits) -> _Target:
    """The host of `url` and the addresses to connect to; FetchError when the address may not be fetched."""
    import httpx

    try:
        parts = urlsplit(url)
        httpx.URL(url)  # stricter than urlsplit: no spaces or stray characters in the host
    except (httpx.InvalidURL, ValueError) as err:
        raise FetchError(f"{url}: not a valid link ({_reason(err)})") from None
    if parts.scheme.lower() not in SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise FetchError(f"{url}: only http:// and https:// links can be fetched, not {shown}")
    if not parts.hostname:
        raise FetchError(f"{url}: the link has no host name")
    if not _HOST.fullmatch(parts.hostname):
        raise FetchError(f"{url}: not a valid link (the host name {parts.hostname!r})")
    if parts.username or parts.password:
        raise FetchError(f"{url}: links with a user name or password are not fetched")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: the port is not a number from 0 to 65535") from None
    addresses = _resolve(parts.hostname, port, url)
    if not limits.allow_private:
        for address in addresses:
            if why := _not_public(address):
                named = parts.hostname if parts.hostname.strip("[]") == address else f"{parts.hostname} ({address})"
                raise FetchError(f"{url}: refused: {named} is {why}; only public addresses are fetched")
    return _Target(parts.hostname, addresses)


def _resolve(host: str, port: int, url: str) -> tuple[str, ...]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"{url}: cannot find the host {host} ({getattr(err, 'strerror', None) or err})") from None
    addresses = tuple(dict.fromkeys(info[4][0].split("%", 1)[0] for info in found))
    if not addresses:
        raise FetchError(f"{url}: cannot find the host {host}")
    return addresses


def _not_public(address: str) -> str | None:
    """Why an IP address may not be fetched ("a loopback address", ...), or None for a public one."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and (ip.ipv4_mapped or ip.sixtofour):
        ip = ip.ipv4_mapped or ip.sixtofour
    for test, what in ((ip.is_loopback, "a loopback address"), (ip.is_link_local, "a link-local address"),
                       (ip.is_private, "a private address"), (ip.is_multicast, "a multicast address"),
                       (ip.is_unspecified, "an unspecified address"), (ip.is_reserved, "a reserved address"),
                       (not ip.is_global, "not a public address")):
        if test:
            return what
    return None


def _get(client, url: str, target: _Target, limits: FetchLimits, deadline: float):
    """One GET to the checked addresses of `target` (the first that connects): (Fetched, None) for a page,
    (None, location) for a redirect."""
    import httpx

    parts = urlsplit(url)
    headers = {"Host": httpx.URL(url).netloc.decode("ascii"), "User-Agent": USER_AGENT,
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
               # Bodies come as sent: the size limit counts the bytes received, not a decompressed bomb.
               "Accept-Encoding": "identity"}
    extensions = {"sni_hostname": target.host} if parts.scheme.lower() == "https" else {}
    for n, address in enumerate(target.addresses):
        # The request goes to the checked address; Host and TLS (SNI, certificate) still name the host.
        direct = httpx.URL(url).copy_with(host=address)
        try:
            with client.stream("GET", direct, headers=headers, extensions=extensions) as response:
                return _answer(response, url, limits, deadline)
        except httpx.ConnectError:
            if n == len(target.addresses) - 1:
                raise
    raise AssertionError("unreachable")


def _answer(response, url: str, limits: FetchLimits, deadline: float):
    if response.status_code in REDIRECTS:
        location = response.headers.get("location")
        if not location:
            raise FetchError(f"{url}: redirect ({response.status_code}) without a Location")
        return None, location
    if response.status_code >= 400:
        raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}".rstrip())
    content_type, charset = _content_type(response.headers.get("content-type", ""))
    _refuse_type(url, content_type)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"{url}: page too large: {int(declared):,} bytes, the limit is {limits.max_bytes:,} bytes")
    data = _read_body(response, url, limits, deadline)
    return Fetched(url, url, content_type, charset, data), None


def _read_body(response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    """The body, read in chunks: stops past the size limit or the deadline (a server trickling bytes)."""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: page too large: over the limit of {limits.max_bytes:,} bytes (transfer stopped)")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: the page took longer than {limits.total_timeout:g} s to arrive (transfer "
                             "stopped)")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    """'text/html; charset=ISO-8859-1' -> ('text/html', 'ISO-8859-1')."""
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def _refuse_type(url: str, content_type: str) -> None:
    """FetchError for a content type that is not a page or text (no type at all: the body is sniffed)."""
    if not content_type or content_type in _READABLE:
        return
    refused = [what for prefix, what in _REFUSED.items() if content_type.startswith(prefix)]
    # other text (text/csv, ...) is read as text; anything else is not an article
    what = refused[0] if refused else ("" if content_type.startswith("text/") else "a file of another kind")
    if what:
        raise FetchError(f"{url}: the link gives {what} ({content_type}); only web pages (HTML) and plain text "
                         "can be read")


def _reason(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text or type(err).__name__
