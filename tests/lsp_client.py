"""A small Language Server Protocol client over stdio (JSON-RPC with
Content-Length headers), enough to drive yaml-language-server as VS Code does:
initialize, push the settings, open documents, read diagnostics, ask for
completions and hovers."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LanguageServer:
    """One server process; `settings` answers its `workspace/configuration` requests."""

    def __init__(self, command: list[str], root: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        self.versions: dict[str, int] = {}  # open documents
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"documentationFormat": ["plaintext"]}},
                        "hover": {"contentFormat": ["plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        reply = self._wait(lambda m: m.get("id") == wanted and "method" not in m)
        return reply.get("result")

    def _wait(self, done: Any, timeout: float = 30) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                message = self.inbox.get(timeout=0.2)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:  # the server asks the client
                result = None
                if message["method"] == "workspace/configuration":
                    items = message["params"]["items"]
                    result = [self.settings.get(i.get("section", "")) for i in items]
                self._send({"id": message["id"], "result": result})
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.diagnostics[params["uri"]] = params["diagnostics"]
            if done(message):
                return message
        raise TimeoutError("the language server did not answer")

    def show(self, path: Path, text: str) -> None:
        """Open the document at `path` with `text`, or replace its text if it is open."""
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        if uri not in self.versions:
            self.versions[uri] = 1
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
            return
        self.versions[uri] += 1
        self.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": self.versions[uri]},
                "contentChanges": [{"text": text}],
            },
        )

    def diagnostics_of(self, path: Path, settle: float = 0.3) -> list[dict[str, Any]]:
        """The diagnostics published for `path` since it was last shown, once no
        newer ones follow for `settle` seconds."""
        uri = path.as_uri()
        if uri not in self.diagnostics:
            self._wait(
                lambda m: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                )
            )
        try:
            while True:
                self._wait(
                    lambda m: (
                        m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri
                    ),
                    timeout=settle,
                )
        except TimeoutError:
            pass
        return self.diagnostics[uri]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
