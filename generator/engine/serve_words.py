"""MkDocs' server messages during `handbook serve`, in the reader's language.

MkDocs logs finished English sentences (f-strings, no message ids); the few its
server logs while previewing are matched here and worded from our catalogue.
A warning about a page's link is worded as `check` words it (`engine_warnings`);
any other line (a warning of the theme, say) is shown as MkDocs wrote it."""

from __future__ import annotations

import logging
import re

from generator.engine.engine_warnings import worded
from generator.messages import key_in_catalogue, text

_LINES = (
    (re.compile(r"^(?:\[[^\]]*\] )?Serving on (?P<url>\S+)"), "serve.serving"),
    (re.compile(r"^Building documentation\.\.\.$"), "serve.building"),
    (re.compile(r"^Documentation built in (?P<seconds>[\d.]+) seconds$"), "serve.built"),
    (re.compile(r"^(?:\[[^\]]*\] )?Detected file changes$"), "serve.changes"),
    (re.compile(r"^(?:\[[^\]]*\] )?Reloading browsers$"), "serve.reloading"),
    (re.compile(r"^(?:\[[^\]]*\] )?Browser connected: (?P<url>\S+)"), "serve.browser"),
    (re.compile(r"^Shutting down\.\.\.$"), "serve.stopping"),
    (re.compile(r"^(?:\[[^\]]*\] )?Watching paths for changes: (?P<paths>.+)$"), "serve.watching"),
    (re.compile(r"^A 'dirty' build is being performed"), "serve.dirty"),
)


def word(message: str, language: str) -> str:
    """One of MkDocs' server lines in `language` (others as they are)."""
    for pattern, key in _LINES:
        match = pattern.match(message)
        if match:
            return text(key, language, **match.groupdict())
    return worded(message, language) or message


class ServeFormatter(logging.Formatter):
    """`信息    -  正在预览：http://127.0.0.1:8000/`: MkDocs' layout, our words."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format(self, record: logging.LogRecord) -> str:
        """One MkDocs log line: the level and the message in the language."""
        key = f"serve.level.{record.levelname}"
        level = text(key, self.language) if key_in_catalogue(key) else record.levelname
        return f"{level} -  {word(record.getMessage(), self.language)}"
