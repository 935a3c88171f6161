"""URLs on the command line: `extract URL` and `build LIST.urls --fetch-urls`, against a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fetch_server import PUBLISHED, serve

from timeline import cli
from timeline.collection import open_store, query_events


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_url(capsys, base):
    status, out, err = run(capsys, "extract", f"{base}/article.html", "--allow-private-urls", "--format", "json")
    assert status == 0, err
    result = json.loads(out)
    assert result["published"] == PUBLISHED
    assert "2019-03-10" in [e["value"] for e in result["events"]]  # "on Sunday", from the metadata date


@pytest.mark.parametrize(("url", "words"), [
    ("{base}/article.html", "is a loopback address"),  # without --allow-private-urls
    ("{base}/report.pdf --allow-private-urls", "a PDF document"),
    ("{base}/big --allow-private-urls", "page too large"),
])
def test_extract_url_errors_are_one_line(capsys, base, url, words):
    status, out, err = run(capsys, "extract", *url.format(base=base).split())
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("timeline: error: ") and words in err


def _url_list(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "links.urls"
    path.write_text(f"# pages to read\n{base}/article.html\n\n{base}/report.pdf\n{base}/notes.txt\n"
                    f"{base}/chain/2\nftp://example.org/a\n", encoding="utf-8")
    return path


def test_build_refuses_a_url_list_without_the_flag(capsys, base, tmp_path):
    status, out, err = run(capsys, "build", str(_url_list(tmp_path, base)), "--out", str(tmp_path / "store"))
    assert status == 2 and "fetching them needs --fetch-urls" in err and err.count("\n") == 1
    assert not (tmp_path / "store").exists()


def test_build_fetches_a_url_list_and_reports_each_failure(capsys, base, tmp_path):
    urls, store = _url_list(tmp_path, base), tmp_path / "store"
    status, out, err = run(capsys, "build", str(urls), "--out", str(store), "--fetch-urls", "--allow-private-urls",
                           "--workers", "1", "--quiet")
    assert status == 0, err
    # the article (once: /chain/2 ends on the same page, same content), the plain text; two failures
    assert "added 2 articles" in out and "skipped 1 already in the store, 2 failed" in out
    assert f"skipped {urls}:4: {base}/report.pdf: the link gives a PDF document" in err
    assert f"skipped {urls}:7: ftp://example.org/a: only http:// and https:// links" in err
    with open_store(store) as opened:
        events = query_events(opened, limit=100)
        articles = opened.cursor().execute("select url, published, published_source from articles order by url").fetchall()
    assert [a[0] for a in articles] == [f"{base}/article.html", f"{base}/notes.txt"]
    assert str(articles[0][1]) == PUBLISHED and articles[0][2] == "meta"
    assert "2019-03-10" in set(events["value"])


def test_build_with_the_flag_still_refuses_loopback(capsys, base, tmp_path):
    status, out, err = run(capsys, "build", str(_url_list(tmp_path, base)), "--out", str(tmp_path / "store"),
                           "--fetch-urls", "--workers", "1", "--quiet")
    assert status == 0 and "added 0 articles" in out and "5 failed" in out
    assert err.count("is a loopback address") == 4
