"""A local HTTP server for the URL-source tests: an article page, redirects, slow and huge answers.

    with serve() as base:        # "http://127.0.0.1:PORT"
        fetch(base + "/article.html", FetchLimits(allow_private=True))

Runs in a thread of the test process (or `python tests/fetch_server.py PORT` for a browser test), on
127.0.0.1 only. Nothing here decides what the fetcher should do: the tests say what they expect.
"""

from __future__ import annotations

import ssl
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PUBLISHED = "2019-03-14"  # the page's metadata date; nothing in the text states it
ARTICLE_HTML = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>Rockets hit air base | Example News</title>
<meta property="og:title" content="Rockets hit Balad air base">
<meta property="article:published_time" content="{PUBLISHED}T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Rockets hit Balad air base</h1>
<p>Two rockets were fired on the Balad air base north of Baghdad on Sunday, officials said.</p>
<p>No group claimed the attack. The base was hit by mortar fire on 3 January 2019, when two contractors
were wounded, and again in March 2018.</p>
<p>The United States will hold talks with Iraq's government on Thursday about the future of its troops,
the State Department said in a statement.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""
PLAIN_TEXT = ("Talks resume\n\nThe two delegations met on 12 May 2020 in Geneva and agreed to meet again "
              "in June 2020.\n")
BIG_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 5.0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, extra: dict | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain", {"Location": location})

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        path = self.path.split("?", 1)[0]
        try:
            self._route(path)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: what some tests want
            pass

    def _route(self, path: str) -> None:
        if path == "/article.html":
            self._send(200, ARTICLE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/no-type":
            self._send(200, ARTICLE_HTML.encode("utf-8"), None)
        elif path == "/latin1.html":
            body = ARTICLE_HTML.replace("utf-8", "iso-8859-1").replace("north of", "près de").encode("latin-1")
            self._send(200, body, "text/html; charset=ISO-8859-1")
        elif path == "/notes.txt":
            self._send(200, PLAIN_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif path.startswith("/chain/"):  # /chain/3 -> /chain/2 -> /chain/1 -> /chain/0 -> the article
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{left - 1}" if left > 0 else "/article.html")
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path == "/to-metadata":  # a cloud's metadata service, on a link-local address
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/echo-host":
            self._send(200, f"Host header: {self.headers.get('Host')}\n".encode(), "text/plain")
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, ARTICLE_HTML.encode("utf-8"), "text/html")
        elif path == "/trickle":
            self._trickle()
        elif path == "/big":
            self._big(declare=False)
        elif path == "/big-declared":
            self._big(declare=True)
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n" + b"0" * 1000, "application/pdf")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/pdf-as-html":
            self._send(200, b"%PDF-1.4\n" + b"0" * 1000, "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _trickle(self) -> None:
        """Headers at once, then one byte every 0.1 s for SLOW_SECONDS: no single read is slow."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        end = time.monotonic() + SLOW_SECONDS
        while time.monotonic() < end:
            self.wfile.write(b"1\r\nx\r\n")
            self.wfile.flush()
            time.sleep(0.1)
        self.wfile.write(b"0\r\n\r\n")

    def _big(self, declare: bool) -> None:
        """BIG_BYTES of text, streamed in 64 KB chunks (never held in memory)."""
        chunk = (b"The base was hit again on Sunday. " * 2000)[:65536]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if declare:
            self.send_header("Content-Length", str(BIG_BYTES))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for _ in range(BIG_BYTES // len(chunk)):
            self.wfile.write(chunk if declare else b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if not declare:
            self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up early (a refused PDF, a size limit) is what the tests ask for: no report
        on stderr, where the CLI tests read the command's one-line error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(port: int = 0, tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """Run the server on 127.0.0.1 in a thread; yields its base URL (https with a `tls` server context)."""
    server = _Server(("127.0.0.1", port), _Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, name="fetch-test-server", daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    with serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0) as base:
        print(base, flush=True)
        threading.Event().wait()
