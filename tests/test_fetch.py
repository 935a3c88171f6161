"""A URL as a source (timeline.fetch), against a local HTTP server started by the test.

The server (tests/fetch_server.py) listens on 127.0.0.1, so every test that expects a page passes
allow_private=True: the refusal of loopback addresses without it is a test of its own.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from datetime import date

import pytest
from fetch_server import BIG_BYTES, PUBLISHED, SLOW_SECONDS, serve
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import fetch as fetch_module
from timeline.fetch import FetchError, FetchLimits, fetch, fetch_document, is_url

LOCAL = FetchLimits(allow_private=True)


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


def test_article_page_is_read_with_its_metadata_date(base):
    document = fetch_document(f"{base}/article.html", LOCAL)
    assert document.published == date.fromisoformat(PUBLISHED)
    assert document.published_source == "meta"
    assert document.name == f"{base}/article.html"
    assert document.title == "Rockets hit Balad air base"
    assert "Two rockets were fired on the Balad air base" in document.text
    assert "Copyright Example News" not in document.text  # trafilatura kept the article, not the footer
    events = {e.value: e for e in timeline.extract_document(document).events}
    # "on Sunday" in a page published Thursday 14 March 2019 is 10 March 2019: anchored on the metadata date
    assert "2019-03-10" in events and "rockets" in events["2019-03-10"].sentence
    assert {"2019-01-03", "2018-03", "2019-03-14"} <= set(events)


def test_a_date_given_wins_over_the_metadata(base):
    document = fetch_document(f"{base}/article.html", LOCAL, published=date(2021, 4, 7))
    assert (document.published, document.published_source) == (date(2021, 4, 7), "user")


def test_redirect_chain_is_followed_and_named_by_where_it_ends(base):
    document = fetch_document(f"{base}/chain/3", LOCAL)
    assert document.name == f"{base}/article.html"
    assert document.published == date.fromisoformat(PUBLISHED)
    assert any("redirected from" in note and "/chain/3" in note for note in document.notes)


def test_redirects_past_the_cap_are_refused(base):
    with pytest.raises(FetchError, match=r"too many redirects \(more than 2\)"):
        fetch(f"{base}/chain/3", FetchLimits(allow_private=True, max_redirects=2))
    assert fetch(f"{base}/chain/1", FetchLimits(allow_private=True, max_redirects=2)).url == f"{base}/article.html"


def test_redirect_loop_is_refused(base):
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(f"{base}/loop-a", LOCAL)


def test_redirect_target_is_checked_again(base):
    with pytest.raises(FetchError, match="only http:// and https:// links can be fetched, not 'file:'"):
        fetch(f"{base}/to-file", LOCAL)


def test_redirect_to_a_private_address_is_refused(base, monkeypatch):
    """The first hop is allowed (127.0.0.1 taken as public here), the redirect target is checked again."""
    real = fetch_module._not_public
    monkeypatch.setattr(fetch_module, "_not_public", lambda address: None if address == "127.0.0.1" else real(address))
    assert fetch(f"{base}/notes.txt").url == f"{base}/notes.txt"  # no allow option needed now
    with pytest.raises(FetchError, match=r"169.254.169.254/latest/meta-data/: refused: 169.254.169.254 is a link-local"):
        fetch(f"{base}/to-metadata")


def test_slow_answer_hits_the_read_timeout(base):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer in time"):
        fetch(f"{base}/slow", FetchLimits(allow_private=True, read_timeout=0.5))
    assert time.monotonic() - started < SLOW_SECONDS - 1


def test_trickling_answer_hits_the_total_deadline(base):
    """One byte every 0.1 s never trips the read timeout; the deadline on the whole fetch stops it."""
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 1 s to arrive \(transfer stopped\)"):
        fetch(f"{base}/trickle", FetchLimits(allow_private=True, read_timeout=2, total_timeout=1))
    assert time.monotonic() - started < SLOW_SECONDS - 1


@pytest.mark.parametrize("path", ["/big", "/big-declared"])
def test_fifty_megabytes_hit_the_size_limit(base, path):
    """Undeclared (chunked): the transfer stops past the limit; declared: refused before the body is read."""
    limits = FetchLimits(allow_private=True)
    assert limits.max_bytes == timeline.documents.DEFAULT_MAX_BYTES < BIG_BYTES
    started = time.process_time()
    with pytest.raises(FetchError, match="page too large"):
        fetch(f"{base}{path}", limits)
    assert time.process_time() - started < 5  # not 50 MB read and decoded


@pytest.mark.parametrize(("path", "what"), [
    ("/report.pdf", r"a PDF document \(application/pdf\)"),
    ("/image.png", r"an image \(image/png\)"),
])
def test_files_that_are_not_pages_are_refused_by_type(base, path, what):
    with pytest.raises(FetchError, match=f"the link gives {what}; only web pages"):
        fetch_document(f"{base}{path}", LOCAL)


def test_binary_body_sent_as_html_is_refused_when_read(base):
    with pytest.raises(FetchError, match="not a text file: looks like a PDF file"):
        fetch_document(f"{base}/pdf-as-html", LOCAL)


def test_plain_text_is_read_as_text(base):
    document = fetch_document(f"{base}/notes.txt", LOCAL)
    assert document.text.startswith("Talks resume")
    assert document.title == "Talks resume"
    assert [e.value for e in timeline.extract_document(document).events] == ["2020-05-12", "2020-06"]


def test_page_without_content_type_is_sniffed(base):
    assert fetch_document(f"{base}/no-type", LOCAL).published == date.fromisoformat(PUBLISHED)


def test_charset_from_the_header_is_used(base):
    assert "près de Baghdad" in fetch_document(f"{base}/latin1.html", LOCAL).text


def test_error_status_is_reported(base):
    with pytest.raises(FetchError, match="the server answered 404 Not Found"):
        fetch(f"{base}/missing", LOCAL)


def test_loopback_is_refused_without_the_option(base):
    port = base.rsplit(":", 1)[1]
    for url in (f"{base}/article.html", f"http://localhost:{port}/article.html", f"http://[::1]:{port}/a"):
        with pytest.raises(FetchError, match=r"refused: (127.0.0.1|localhost \(.*\)|::1) is a loopback address; only public addresses"):
            fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.html", "javascript:alert(1)",
                                 "example.org/a.html", "gopher://127.0.0.1:70/"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError, match="only http:// and https:// links can be fetched"):
        fetch(url, LOCAL)


@pytest.mark.parametrize(("address", "why"), [
    ("10.1.2.3", "a private address"), ("192.168.0.1", "a private address"), ("172.16.5.4", "a private address"),
    ("169.254.169.254", "a link-local address"), ("fe80::1", "a link-local address"),
    ("127.0.0.2", "a loopback address"), ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("::ffff:10.0.0.1", "a private address"),
    ("0.0.0.0", "a private address"), ("100.64.0.1", "not a public address"), ("240.0.0.1", "a private address"),
    ("224.0.0.1", "a multicast address"), ("fc00::1", "a private address"),
])
def test_every_kind_of_non_public_address_is_named(monkeypatch, address, why):
    """A host name resolving to any of these is refused, before any connection is tried."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    answer = [(family, socket.SOCK_STREAM, 6, "", (address, 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answer)
    with pytest.raises(FetchError, match=rf"refused: news.example \({address}\) is {why}; only public"):
        fetch("http://news.example/a.html")


_NON_PUBLIC = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10",
               "0.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4", "198.18.0.0/15"]


@settings(max_examples=200, deadline=None)
@given(network=st.sampled_from(_NON_PUBLIC), offset=st.integers(min_value=0))
def test_no_address_of_a_non_public_network_is_taken_for_public(network, offset):
    """Whatever address of these networks, written as IPv4 or IPv4-mapped IPv6, is refused."""
    net = ipaddress.ip_network(network)
    address = net[offset % net.num_addresses]
    assert fetch_module._not_public(str(address))
    assert fetch_module._not_public(f"::ffff:{address}")


def test_public_addresses_pass():
    for address in ("93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "151.101.1.69"):
        assert fetch_module._not_public(address) is None


def test_one_private_address_among_public_ones_is_refused(monkeypatch):
    answer = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 80)),
              (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answer)
    with pytest.raises(FetchError, match=r"news.example \(10.0.0.7\) is a private address"):
        fetch("http://news.example/a.html")


def test_name_is_resolved_once_and_the_checked_address_is_used(base, monkeypatch):
    """No second lookup that a rebinding DNS server could answer differently; Host still names the host."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def lookup(host, *args, **kwargs):
        asked.append(host)
        return real("127.0.0.1" if host == "news.example" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    port = base.rsplit(":", 1)[1]
    page = fetch(f"http://news.example:{port}/echo-host", LOCAL)
    assert page.data.decode() == f"Host header: news.example:{port}\n"
    assert asked.count("news.example") == 1


def test_https_certificate_is_checked_against_the_host_name(monkeypatch, tmp_path):
    """The connection goes to the checked address, yet TLS (SNI and the certificate check) names the host."""
    trustme = pytest.importorskip("trustme")
    import certifi

    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.example").configure_cert(server_context)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setattr(certifi, "where", lambda: str(tmp_path / "ca.pem"))  # httpx's trust store: our CA
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real(
        "127.0.0.1" if host.endswith(".example") else host, *a, **k))
    with serve(tls=server_context) as base:
        port = base.rsplit(":", 1)[1]
        page = fetch(f"https://news.example:{port}/echo-host", LOCAL)
        assert page.data.decode() == f"Host header: news.example:{port}\n"
        with pytest.raises(FetchError, match="cannot fetch: .*certificate"):
            fetch(f"https://other.example:{port}/echo-host", LOCAL)  # the certificate is for news.example


def test_unknown_host_is_one_line(monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(FetchError, match="cannot find the host nowhere.example"):
        fetch("https://nowhere.example/")


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1/a", r"not a valid link \(Invalid IPv6 URL\)"), ("http://exa mple.org/", "not a valid link"),
    ("http://example.org:99999/", "the port is not a number"), ("https:///path-only", "has no host name"),
    ("http://:80/", "has no host name"), ("http://bad<host>.org/", "not a valid link"), ("http://user:secret@example.org/", "user name or password"),
])
def test_malformed_links_are_one_line_before_any_lookup(url, reason, monkeypatch):
    def no_lookup(*args, **kwargs):
        raise AssertionError("looked up")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    with pytest.raises(FetchError, match=reason) as caught:
        fetch(url)
    assert "\n" not in str(caught.value) and str(caught.value).count(url) == 1


def test_is_url():
    assert is_url("https://example.org/a") and is_url(" http://x.y ")
    assert not is_url("article.html") and not is_url("file:///a.html") and not is_url("-")
