"""A visitor without a browser, for the load benchmark: Streamlit's own websocket protocol.

A `ProtocolSession` does what the dashboard's frontend does on the wire and nothing else: it fetches the
page and the static files a browser fetched for it (`page_assets`), opens `/_stcore/stream`, asks for a
script run (`BackMsg.rerun_script` with the query string, the widget states it holds and the hashes of
the cached messages it has), and reads `ForwardMsg`s until `script_finished`. It keeps each widget's
state by its key (the element ids carry the user key: `$$ID-<hash>-<key>`), so a rerun sends every
widget's current value like the frontend would; elements are not laid out or drawn. The time from
sending a BackMsg to the run's `script_finished` is what the server made the visitor wait.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

__all__ = ["ProtocolSession", "Run", "fetch_assets", "page_assets", "widget_key"]

FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
_ASSET = re.compile(r'(?:src|href)="\./([^"]+)"')


@dataclass
class Run:
    """One script run as the visitor saw it: its elements by kind (in arrival order) and how long it took."""

    seconds: float
    elements: list[tuple[str, object]] = field(default_factory=list)

    def of_kind(self, kind: str) -> list:
        return [element for name, element in self.elements if name == kind]

    @property
    def chart(self):
        """The run's Vega-Lite chart element, or None."""
        charts = self.of_kind("vega_lite_chart")
        return charts[0] if charts else None


def page_assets(html: str) -> list[str]:
    """The static files index.html names (scripts, module preloads, styles, fonts, icon)."""
    return list(dict.fromkeys(_ASSET.findall(html)))


async def fetch_assets(base: str, paths: list[str], parallel: int = 6) -> int:
    """GET `base` + each path over at most `parallel` kept-alive HTTP/1.1 connections (a browser's limit per
    host); the bytes received. A bare client on asyncio streams, so the visitors' own CPU stays small beside
    the server's (httpx used more CPU than the server it measured)."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    prefix = urlsplit(base).path
    waiting = list(reversed(paths))

    async def connection() -> int:
        reader, writer = await asyncio.open_connection(host, port)
        received = 0
        try:
            while waiting:
                path = waiting.pop()
                writer.write(f"GET {prefix}{path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                             "Accept-Encoding: gzip, deflate, br\r\n\r\n".encode("ascii"))
                status = await reader.readline()
                headers = {}
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                if status.split(b" ")[1:2] != [b"200"] or "content-length" not in headers:
                    raise OSError(f"GET {path}: {status.decode('latin-1').strip()} (content-length needed)")
                received += len(await reader.readexactly(int(headers["content-length"])))
        finally:
            writer.close()
        return received

    return sum(await asyncio.gather(*(connection() for _ in range(min(parallel, len(paths))))))


def widget_key(element_id: str) -> str | None:
    """The user key a widget id carries (`$$ID-<hash>-<key>`), None for a keyless widget."""
    parts = element_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" else None


class ProtocolSession:
    """One dashboard visitor speaking the websocket protocol (see the module docstring)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.socket = None
        self.query_string = ""
        self.widgets: dict[str, str] = {}  # user key -> widget id, from the last run
        self.states: dict[str, WidgetState] = {}  # widget id -> the value this visitor holds
        self.cache: dict[str, tuple[str, object]] = {}  # hash -> element of a cacheable message (the frontend's cache)

    async def connect(self) -> None:
        import websockets

        url = "ws" + self.base_url[len("http"):] + "_stcore/stream"
        self.socket = await websockets.connect(url, subprotocols=["streamlit"], max_size=None,
                                               origin=self.base_url.rstrip("/"))

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    def widget_id(self, key: str) -> str:
        """The id of the widget with user key `key` (or the only one whose key starts with `key:`); a widget
        id (`$$ID-...`) is its own."""
        if key.startswith("$$ID-"):
            return key
        if key in self.widgets:
            return self.widgets[key]
        found = [i for k, i in self.widgets.items() if k.startswith(key + ":")]
        if len(found) != 1:
            raise KeyError(f"no single widget with key {key!r} in the last run ({sorted(self.widgets)})")
        return found[0]

    def set_string(self, key: str, value: str) -> None:
        state = WidgetState(id=self.widget_id(key))
        state.string_value = value
        self.states[state.id] = state

    def set_numbers(self, key: str, values: list[float]) -> None:
        state = WidgetState(id=self.widget_id(key))
        state.double_array_value.data.extend(values)
        self.states[state.id] = state

    def pick(self, key: str, parameter: str, field_name: str, value: str) -> None:
        """What a click on a chart mark sends: the selection parameter holding that mark's field."""
        self.set_string(key, json.dumps({"selection": {parameter: [{field_name: value}]}}))

    async def rerun(self, timeout: float) -> Run:
        """Ask for a script run with the current widget states; wait (at most `timeout` s) for it to finish."""
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query_string
        client.widget_states.widgets.extend(self.states.values())
        client.cached_message_hashes.extend(sorted(self.cache))
        client.context_info.timezone = "UTC"
        client.context_info.locale = "en-US"
        client.context_info.url = self.base_url
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        elements = await asyncio.wait_for(self._until_finished(), timeout)
        run = Run(time.perf_counter() - started, elements)
        self._remember_widgets(run)
        return run

    async def _until_finished(self) -> list[tuple[str, object]]:
        elements: list[tuple[str, object]] = []
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            kind = message.WhichOneof("type")
            if kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                name = element.WhichOneof("type")
                elements.append((name, getattr(element, name)))
                if message.metadata.cacheable:
                    self.cache[message.hash] = elements[-1]
            elif kind == "ref_hash":  # a message the server did not send again: this visitor has it
                elements.append(self.cache[message.ref_hash])
            elif kind == "script_finished" and message.script_finished in FINISHED:
                return elements

    def _remember_widgets(self, run: Run) -> None:
        """Widgets drawn in this run, by key; the states of widgets no longer drawn are dropped, as the
        frontend drops an unmounted widget's state."""
        ids = {getattr(e, "id", "") for _, e in run.elements} - {""}
        self.widgets = {k: i for i in ids if (k := widget_key(i))}
        self.states = {i: s for i, s in self.states.items() if i in ids}
