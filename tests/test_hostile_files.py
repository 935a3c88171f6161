"""Hostile files: decoded (with a note when guessed) or refused with a one-line reason, never a traceback.

Each file goes through timeline.documents.read_document and through the CLI
(`timeline extract FILE`): refused files give DocumentError / exit status 2 with one stderr
line; decoded ones give the text. HTML never touches the network and never expands entities.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline import cli, extract_document
from timeline.documents import DEFAULT_MAX_BYTES, DocumentError, load_path, read_document
from timeline.limits import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "US agrees to withdraw\n\n7 Apr, 2021\n\nOn Sunday, two rockets hit the base, the café owner said.\n"
SUNDAY = date(2021, 4, 4)

# (file name, bytes, expected): "refused: <words in the reason>" or "decoded" (text equal to ARTICLE's
# body, with a note when the encoding was a guess).
REFUSED = [
    ("pdf named .txt", "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
    ("png named .md", "notes.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("docx named .txt", "article.txt", b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "ZIP"),
    ("gzip named .html", "page.html", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ("executable", "run.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "executable"),
    ("NUL bytes", "a.txt", b"On Sunday\x00\x00\x00\x01\x02 it rained" * 10, "NUL"),
    ("control characters", "a.txt", bytes(range(1, 9)) * 200, "control characters"),
    ("random bytes", "a.txt", bytes((i * 7919 + 13) % 256 for i in range(4096)), "not a text file"),
    ("UTF-16 with a BOM, odd length", "a.txt", codecs.BOM_UTF16_LE + "On Sunday".encode("utf-16-le") + b"\x00",
     "UTF-16"),
]
DECODED = [
    ("Latin-1", "a.txt", ARTICLE.encode("latin-1"), "decoded as"),
    ("cp1252 quotes", "a.txt", ARTICLE.replace("café", "“café”").encode("cp1252"), "decoded as"),
    ("UTF-16 LE with a BOM", "a.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), None),
    ("UTF-16 BE with a BOM", "a.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), None),
    ("UTF-16 without a BOM", "a.txt", ARTICLE.encode("utf-16-le"), "utf-16"),
    ("UTF-32 with a BOM", "a.txt", ARTICLE.encode("utf-32"), None),
    ("UTF-8 with a BOM, named .md", "a.md", codecs.BOM_UTF8 + ARTICLE.encode(), None),
    ("no extension", "article", ARTICLE.encode("latin-1"), "decoded as"),
    ("unknown extension", "article.pdf", ARTICLE.encode(), None),
    ("CRLF line ends", "a.txt", ARTICLE.replace("\n", "\r\n").encode(), None),
]
EMPTY = [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE]


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


def assert_one_line_error(status: int, out: str, err: str, *words: str) -> None:
    assert (status, out) == (2, ""), err
    assert err.startswith("timeline: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word.lower() in err.lower(), err


@pytest.mark.parametrize(("name", "data", "reason"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_with_a_one_line_reason(name: str, data: bytes, reason: str, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=reason) as refused:
        read_document(data, name)
    assert "\n" not in str(refused.value)
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(*run_cli("extract", str(path)), reason)


@pytest.mark.parametrize(("name", "data", "note"), [c[1:] for c in DECODED], ids=[c[0] for c in DECODED])
def test_decoded_with_a_note_when_guessed(name: str, data: bytes, note: str | None, tmp_path: Path) -> None:
    document = read_document(data, name)
    assert "café" in document.text and "two rockets" in document.text
    assert document.published == date(2021, 4, 7)
    if note:
        assert any(note in n for n in document.notes), document.notes
    else:
        assert document.notes == ()
    assert [e.start for e in extract_document(document).events] == [SUNDAY]
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = run_cli("extract", str(path), "--format", "csv")
    assert status == 0, err
    assert "2021-04-04" in out and "café" in out
    assert all(line.startswith("timeline: note: ") for line in err.splitlines())
    if note:
        assert note in err


@pytest.mark.parametrize("data", EMPTY, ids=["zero bytes", "whitespace", "UTF-8 BOM", "UTF-16 BOM", "UTF-32 BOM"])
def test_empty_files_are_empty_documents(data: bytes, tmp_path: Path) -> None:
    assert read_document(data, "a.txt").text == ""
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    status, out, err = run_cli("extract", str(path))
    assert (status, err) == (0, "")
    assert "no dated events found" in out


def test_html_named_md_stays_text_and_inert() -> None:
    html = b"<!DOCTYPE html><html><body><p>On 7 April 2021 it rained.</p><script>alert(1)</script></body></html>"
    document = read_document(html, "article.md")
    assert document.text == html.decode()  # the extension decides: Markdown text is kept as is
    assert [t.value for t in extract_document(document).timexes] == ["2021-04-07"]


@pytest.mark.parametrize(("html", "kept"), [(b"<div>a<script>y</script>\x02z</div>", "z"),
                                            (b"<div>a<style>y</style>b\x1fc</div>", "c")])
def test_control_characters_in_html(html: bytes, kept: str) -> None:
    """lxml refuses control characters when a tree is edited (dropping a <script> merges its tail)."""
    text = read_document(html, "a.html").text
    assert kept in text and "y" not in text


def test_svg_as_html_is_not_a_crash() -> None:
    """htmldate asserts on an <svg> root element; that means "no date", not a traceback."""
    document = read_document(b'<svg xmlns="http://www.w3.org/2000/svg"><text>On 7 April 2021</text></svg>', "a.html")
    assert "7 April 2021" in document.text


def test_huge_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: fast to make
    with pytest.raises(DocumentError, match="too large"):
        load_path(path)
    assert_one_line_error(*run_cli("extract", str(path)), "too large")


def test_every_readable_file_can_be_extracted() -> None:
    """A file at the byte limit decodes to at most as many characters, within the text limit."""
    assert DEFAULT_MAX_BYTES <= MAX_TEXT_CHARS


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_is_refused() -> None:
    """/dev/zero is not a regular file: refused before it is read (a pipe or a tty could block forever)."""
    assert_one_line_error(*run_cli("extract", "/dev/zero"), "not a regular file")


def test_bad_file_names() -> None:
    assert_one_line_error(*run_cli("extract", "a\x00b.txt"))
    assert_one_line_error(*run_cli("extract", "/no/such/dir/\udcff.txt"))


def test_subprocess_refuses_a_pdf_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    proc = subprocess.run([sys.executable, "-m", "timeline", "extract", str(path)],
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.count(b"\n") == 1 and b"PDF" in proc.stderr and b"Traceback" not in proc.stderr


# --- HTML: no network, no entity expansion ---------------------------------------------------

FETCHING_HTML = b"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://example.invalid/dtd/xhtml1.dtd">
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head>
<base href="http://example.invalid/">
<meta http-equiv="refresh" content="0; url=http://example.invalid/">
<link rel="stylesheet" href="http://example.invalid/s.css"><style>@import url(http://example.invalid/i.css);</style>
<script src="http://example.invalid/x.js"></script>
<meta property="article:published_time" content="2021-04-07">
<link rel="canonical" href="http://example.invalid/2021/04/07/article">
</head><body><article><h1>US agrees to withdraw</h1>
<img src="http://example.invalid/i.png" srcset="http://example.invalid/j.png 2x">
<iframe src="http://example.invalid/frame"></iframe><xi:include href="http://example.invalid/inc.xml"/>
<svg><image xlink:href="http://example.invalid/k.svg"/></svg><object data="http://example.invalid/o"></object>
<p>On Sunday, two rockets were fired at the base near the capital, officials said on Wednesday.</p>
<p>The statement was released after a round of talks between the two governments.</p>
</article></body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)


@pytest.mark.usefixtures("no_network")
def test_html_references_are_never_fetched(tmp_path: Path) -> None:
    document = read_document(FETCHING_HTML, "a.html")
    assert "two rockets were fired" in document.text
    assert document.published == date(2021, 4, 7)
    path = tmp_path / "a.html"
    path.write_bytes(FETCHING_HTML)
    status, out, err = run_cli("extract", str(path), "--format", "csv")
    assert status == 0, err
    assert "2021-04-04" in out


def _bomb(secret: Path) -> bytes:
    """A billion-laughs document (10^9 'lol's if expanded) with external entities for a local file and a URL."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(levels)
        + f'\n<!ENTITY secret SYSTEM "file://{secret}">\n<!ENTITY remote SYSTEM "http://example.invalid/x">\n]>\n'
        "<html><head><title>Bomb &lol9;</title></head><body><p>On 7 April 2021 &lol9; &secret; &remote; it rained."
        "</p></body></html>"
    ).encode()


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("name", ["bomb.html", "bomb.xhtml", "bomb.htm", "bomb"])
def test_entities_are_never_expanded(name: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    data = _bomb(secret)
    document = read_document(data, name)
    assert "lollol" not in document.text and "TOP-SECRET-MARKER" not in document.text
    assert len(document.text) < len(data)
    assert "lollol" not in (document.title or "")
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = run_cli("extract", str(path), "--format", "json")
    assert status == 0, err
    assert "lollol" not in out and "TOP-SECRET-MARKER" not in out
    assert len(out) < 10 * len(data)


def test_bomb_in_a_txt_file_stays_literal(tmp_path: Path) -> None:
    data = _bomb(tmp_path / "secret.txt")
    assert read_document(data, "bomb.txt").text == data.decode()


def test_deeply_nested_html() -> None:
    html = b"<html><body>" + b"<div>" * 20_000 + b"On 7 April 2021 it rained." + b"</div>" * 20_000 + b"</body></html>"
    document = read_document(html, "deep.html")
    # libxml2 stops at its nesting limit (256): what lies deeper is lost, and the user is told.
    assert "7 April 2021" in document.text or any("no text" in note for note in document.notes)
    assert len(document.text) < 1000
    extract_document(document)


def test_utf8_file_with_one_stray_latin1_byte_keeps_its_accents():
    from timeline.documents import read_document

    data = "Le café de Zürich a fermé le 3 mars 2021.".encode() + b" \xe9"
    document = read_document(data, "article.txt")
    assert "café de Zürich" in document.text and "\ufffd" in document.text
    assert any("invalid byte" in note for note in document.notes)
