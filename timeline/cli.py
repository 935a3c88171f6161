"""Command line: a thin shell over timeline.documents and timeline.extract_document.

    python -m timeline extract article.txt [--published 2021-04-07] [--format table|json|csv]
    python -m timeline extract https://example.org/news/a.html      # fetched now, within timeline.fetch's limits
    python -m timeline timeml a.tml b.tml --out-dir tagged/
    python -m timeline build news/ feed.jsonl --out store/ [--workers N] [--scheduler tcp://host:8786]
    python -m timeline render story.timeline.json --out page.html [--format html|csv|json|timelinejs|png|svg]
    python -m timeline build links.urls --out store/ --fetch-urls   # a file of web addresses, fetched

Errors in the input are one line on stderr ("timeline: error: ..."), exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import stat
import sys
import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

PROG = "timeline"
HEADLINE_WIDTH = 90  # a headline is at most 90 characters: shown whole
RENDER_FORMATS = ("html", "csv", "json", "timelinejs", "png", "svg")  # timeline.publish.KINDS


class UsageError(Exception):
    """Bad command-line input; its message is printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr instead of usage + error."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _published_arg(value: str) -> date:
    from timeline import publication_day

    try:
        return publication_day(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a calendar date as YYYY-MM-DD, not {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The `timeline` argument parser with its subcommands."""
    parser = _Parser(prog=PROG, description="Turn a news article into a timeline of dated events.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    extract = commands.add_parser(
        "extract", help="print the dated events of an article (.txt, .md, .html, .tml or a web address)",
        description="Print the dated events of an article (.txt, .md, .html or TimeML .tml; '-' reads stdin; an http(s) "
                    "address is fetched, with a timeout, a size limit and public addresses only).",
    )
    extract.add_argument("file", metavar="FILE", help="article file, - for standard input, or an http(s) URL")
    extract.add_argument(
        "--published", type=_published_arg, metavar="YYYY-MM-DD",
        help="publication date; wins over any date found in the article",
    )
    extract.add_argument(
        "--format", choices=("table", "json", "csv"), default="table",
        help="table (default): readable; json: the full result; csv: one row per event",
    )
    _allow_private_option(extract)

    timeml = commands.add_parser(
        "timeml", help="tag TimeML files' TEXT with TIMEX3 elements",
        description="Tag the TEXT of TimeML files with TIMEX3 elements, anchored on each file's DCT.",
    )
    timeml.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="TimeML file(s)")
    timeml.add_argument("--out-dir", type=Path, required=True, metavar="DIR", help="where to write")
    timeml.add_argument("--events", action="store_true",
                        help="also tag our event triggers as EVENTs, with TLINKs to the TIMEX3s dating them")

    build = commands.add_parser(
        "build", help="extract many articles into a collection store (Parquet + DuckDB)",
        description="Extract the events of many articles into a collection store (Parquet files read with "
                    "DuckDB). Incremental: articles already in the store (same content) are skipped. "
                    "A bad article is reported and skipped; Ctrl-C keeps everything finished so far.",
    )
    build.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="a folder, a glob, a .zip, a JSON Lines file (text, title, url, published, id "
                            "per line), an article or a TimeML file")
    build.add_argument("--out", type=Path, required=True, metavar="STORE", help="the store folder (created)")
    build.add_argument("--workers", type=_positive_int, metavar="N",
                       help="processes (default: every core; 1 runs in this process); with --local-cluster, "
                            "Dask workers")
    cluster = build.add_mutually_exclusive_group()
    cluster.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="run the extraction on the Dask cluster of this scheduler")
    cluster.add_argument("--local-cluster", action="store_true",
                         help="run the extraction on a Dask LocalCluster on this machine")
    build.add_argument("--repair", action="store_true",
                       help="when the store is damaged: drop the damaged parts and extract their articles again "
                            "from the SOURCEs (articles only in a dropped part and not in them are lost)")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--fetch-urls", action="store_true",
                       help="fetch the pages a .urls SOURCE lists (one http(s) address a line); off by default")
    _allow_private_option(build)

    render = commands.add_parser(
        "render", help="publish a timeline: one HTML page that works offline, or an export",
        description="Publish the visible events of a timeline file (*.timeline.json, or the JSON of "
                    "'extract --format json') as one self-contained HTML page (chart, story list, print "
                    "stylesheet; works offline), or as CSV, JSON, TimelineJS JSON, PNG or SVG.",
    )
    render.add_argument("file", type=Path, metavar="FILE", help="a *.timeline.json file, or extract's JSON")
    render.add_argument("--out", type=Path, required=True, metavar="OUT", help="the file to write")
    render.add_argument("--format", choices=RENDER_FORMATS, metavar="FORMAT",
                        help=f"one of {', '.join(RENDER_FORMATS)} (default: from OUT's suffix; .json is json)")
    render.add_argument("--title", help="the page's title (default: the article's title or name)")
    return parser


def _allow_private_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--allow-private-urls", action="store_true",
                         help="also fetch addresses on this machine or a private network (refused by default)")


def _fetch_limits(args):
    from timeline.fetch import FetchLimits

    return FetchLimits(allow_private=args.allow_private_urls)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def _refuse_special_file(name: str | Path) -> None:
    """UsageError for a pipe, socket or device given by name: reading one may block forever ('-' reads stdin)."""
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return  # missing or unreadable: the reader says so in its own words
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise UsageError(f"not a regular file (a pipe, socket or device): {name}; use - to read standard input")


def _positive_int(value: str) -> int:
    if not re.fullmatch(r"\s*\d+\s*", value) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _read_input(name: str, published: date | None, args=None):
    """FILE, '-' or an http(s) URL -> Document (DocumentError on bad input, FetchError for a page)."""
    from timeline.documents import DEFAULT_MAX_BYTES, DocumentError, load_path, read_document
    from timeline.fetch import fetch_document, is_url

    if is_url(name) and not Path(name).exists():
        return fetch_document(name, _fetch_limits(args), published=published)
    if name == "-":
        try:
            data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
        except OSError as err:
            raise DocumentError(f"cannot read standard input: {err.strerror or err}") from None
        if len(data) > DEFAULT_MAX_BYTES:
            raise DocumentError(f"standard input is over the limit of {DEFAULT_MAX_BYTES:,} bytes")
        return read_document(data, name="", published=published)
    _refuse_special_file(name)
    return load_path(Path(name), published=published)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(timeline) -> str:
    """Events as an aligned table (value, granularity, expression, headline) and the publication date."""
    header = ("value", "granularity", "expression", "headline")
    rows = [
        (e.value, e.granularity.value, _one_line(e.expression), _shorten(_one_line(e.headline), HEADLINE_WIDTH))
        for e in timeline.events
    ]
    lines = []
    if rows:
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
        for row in [header, *rows]:
            cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
            lines.append("  ".join([*cells, row[-1]]).rstrip())
    else:
        lines.append("no dated events found")
    document = timeline.document
    if document.published:
        lines.append(f"published: {document.published.isoformat()} ({document.published_source or 'unknown source'})")
    else:
        lines.append("published: unknown (relative dates are left unanchored; use --published)")
    return "\n".join(lines) + "\n"


def _render(timeline, fmt: str) -> str:
    if fmt == "json":
        from timeline.export import to_dict

        return json.dumps(to_dict(timeline), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return timeline.to_frame().to_csv(index=False)
    return format_table(timeline)


def _extract(args) -> int:
    from timeline.documents import DocumentError

    try:
        document = _read_input(args.file, args.published, args)
    except DocumentError as err:
        raise UsageError(str(err)) from None
    except (OSError, ValueError, UnicodeError) as err:  # anything else from reading is still bad input
        raise UsageError(f"cannot read {args.file}: {_one_line(str(err))}") from None

    for note in document.notes:  # e.g. "decoded as cp1252": worth knowing, not an error
        print(f"{PROG}: note: {note}", file=sys.stderr)

    import timeline
    from timeline.limits import InputTooLarge

    try:
        result = timeline.extract_document(document)
    except InputTooLarge as err:
        raise UsageError(str(err)) from None
    for note in result.document.notes[len(document.notes):]:  # from the extraction: dates over the limit
        print(f"{PROG}: note: {note}", file=sys.stderr)
    sys.stdout.write(_render(result, args.format))
    sys.stdout.flush()
    return 0


def _missing_folders(folder: Path) -> list[Path]:
    """`folder` and its ancestors that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _timeml(args) -> int:
    from timeline import extract_document
    from timeline.timeml import tag_timeml_files

    for name in args.inputs:
        _refuse_special_file(name)
    created = _missing_folders(args.out_dir)
    try:
        written = tag_timeml_files(list(args.inputs), args.out_dir, extract_document, events=args.events)
    except (OSError, ValueError, UnicodeError) as err:
        for folder in created:  # a failed run leaves no empty --out-dir behind
            try:
                folder.rmdir()
            except OSError:  # not empty (an earlier input was written) or not ours to remove
                break
        raise UsageError(_one_line(str(err))) from None
    for path in written:
        print(path)
    sys.stdout.flush()
    return 0


@contextmanager
def _sigterm_as_interrupt():
    """During a build, SIGTERM stops it as Ctrl-C does: the finished articles are saved first."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _build(args) -> int:
    from contextlib import nullcontext

    from tqdm import tqdm

    from timeline.collection import BuildInterrupted, SourceError, StoreError, build, check_sources, dask_client

    def report_failure(failure) -> None:
        tqdm.write(f"{PROG}: skipped {failure.path}: {failure.reason}", file=sys.stderr)

    use_dask = bool(args.scheduler or args.local_cluster)
    if use_dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UsageError("--scheduler/--local-cluster need Dask: pip install 'dask[distributed]'") from None
    try:
        check_sources(args.sources, fetch_urls=args.fetch_urls)  # before starting a cluster: a typo should not cost a minute
        clients = dask_client(args.scheduler, args.workers) if use_dask else nullcontext()
        with _sigterm_as_interrupt(), clients as client:
            report = build(args.sources, args.out, workers=args.workers, client=client, repair=args.repair,
                           progress=not args.quiet and sys.stderr.isatty(), on_failure=report_failure,
                           fetch_limits=_fetch_limits(args) if args.fetch_urls else None)
    except (SourceError, StoreError) as err:
        raise UsageError(str(err)) from None
    except BuildInterrupted as stop:
        print(f"{PROG}: interrupted: {stop.report.added:,} articles were added before it; the store is "
              f"consistent, run the same command again to continue", file=sys.stderr)
        return 130
    except OSError as err:  # includes Dask's "Timed out trying to connect"
        raise UsageError(f"cannot run the build: {_one_line(str(err))}") from None
    _print_repairs(report)
    print(f"added {_plural(report.added, 'article')} ({_plural(report.events, 'event')}), skipped "
          f"{report.skipped:,} already in the store, {report.failed:,} failed; store: {args.out}")
    sys.stdout.flush()
    return 0


def _print_repairs(report) -> None:
    """What --repair dropped and what was taken over, on stderr: worth knowing, not an error."""
    for note in report.notes:
        print(f"{PROG}: note: {note}", file=sys.stderr)
    for name, problem, articles in report.dropped:
        print(f"{PROG}: repaired: dropped part {name} ({_plural(articles, 'article')}): {problem}", file=sys.stderr)
    if report.dropped:
        print(f"{PROG}: repaired: their articles found in the SOURCEs were extracted again (counted as added)",
              file=sys.stderr)


def _render_format(args) -> str:
    if args.format:
        return args.format
    suffix = args.out.suffix.lower().lstrip(".")
    fmt = {"htm": "html"}.get(suffix, suffix)
    if fmt not in RENDER_FORMATS:
        raise UsageError(f"cannot tell the format from {args.out.name!r}: give --format "
                         f"({', '.join(RENDER_FORMATS)})")
    return fmt


def _render_published(args) -> int:
    from timeline.curation import CuratedTimeline
    from timeline.publish import articles_of, events_frame, export, page_title
    from timeline.publish.read import PublishInputError, read_to_publish

    if args.out.is_dir():
        raise UsageError(f"--out is a folder: {args.out}; give a file name")
    fmt = _render_format(args)
    _refuse_special_file(args.file)
    try:
        source, urls = read_to_publish(args.file)
    except PublishInputError as err:
        raise UsageError(str(err)) from None
    articles = articles_of(source, urls)
    events = events_frame(source, urls)
    data = export(events, fmt, title=args.title or page_title(articles), articles=articles)
    try:
        args.out.write_bytes(data)
    except OSError as err:
        raise UsageError(f"cannot write {args.out}: {err.strerror or err}") from None
    hidden = len(source.events) - len(source.visible()) if isinstance(source, CuratedTimeline) else 0
    print(f"wrote {args.out} ({fmt}, {_plural(len(events), 'event')}"
          + (f"; {hidden:,} hidden or merged left out" if hidden else "") + f", {len(data):,} bytes)")
    sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input, 1 internal error)."""
    try:
        args = build_parser().parse_args(argv)
        commands = {"extract": _extract, "timeml": _timeml, "build": _build, "render": _render_published}
        return commands[args.command](args)
    except UsageError as err:
        print(f"{PROG}: error: {_one_line(str(err))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`): silence the flush at exit, as the Python docs advise.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug, not bad input: still one line, never a traceback
        print(f"{PROG}: error: internal error: {type(err).__name__}: {_one_line(str(err))}", file=sys.stderr)
        return 1
