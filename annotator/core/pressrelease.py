"""Press releases and news articles: title, dateline, date, and a clean body.

``parse_release`` is called on every raw import, so it is built to be cheap:
one pass over the lines with one precompiled pattern per line, and a dateline
search over the first few paragraphs only.

The body keeps the dateline (it is part of the article text) and loses the
boilerplate around it, which goes into ``meta``:

- ``dateline``: the dateline as written; ``weekday`` when the dateline or its
  sentence names one ("..., Rabu."); ``issuer`` for "Place - Date / Company /".
- ``read_also``: titles of "Baca juga:" lines.
- ``related``: ``{"title", "published_at"}`` from a "Berita Terkait" list.
- ``boilerplate``: text taken out, by kind: ``about``, ``contacts``,
  ``reporter``, ``editor``, ``trailer`` (video trailers, what follows "###"),
  ``signoff`` ("(ant)"), ``copyright``.
- ``links``: ``{"text", "url"}`` of a Newsramp archive footer ("---" then
  "[Original/Source Press Release](...)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotator.core.boilerplate import Stripped, strip_boilerplate
from annotator.core.datelines import Dateline, find_dateline

_TITLE = re.compile(r"#{1,2}\s+(?P<title>\S.*?)\s*")
_FOOTER_START = ("[Original", "[Source", "[Newsramp")
_LINK = re.compile(r"!?\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]+)\)")
_SENTENCE_WEEKDAY = re.compile(
    r"(?:,\s*|\bon\s+|\bpada\s+(?:hari\s+)?)(?P<wd>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?=\s*(?:[.,(]|$))"
)


@dataclass(frozen=True, slots=True)
class ParsedRelease:
    """What ``parse_release`` understood of one article."""

    body: str
    place: str | None = None
    agency: str | None = None
    published_at: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    changed: bool = False


def parse_release(text: str) -> ParsedRelease:
    """Split ``text`` into a clean body and metadata (see the module docstring)."""
    lines = text.split("\n")
    title, first = _title(lines)
    stop, links = _footer(lines, first, text)
    stripped = strip_boilerplate(lines, first, stop)
    body = _assemble(lines, first, stop, stripped)
    if title is None and stop == len(lines) and body == text:
        body = text
    meta = stripped.meta()
    if links:
        meta["links"] = links
    dateline = find_dateline(body)
    if dateline is not None:
        _dateline_meta(meta, body, dateline)
    return ParsedRelease(
        body=body,
        place=dateline.place if dateline else None,
        agency=dateline.agency if dateline else None,
        published_at=dateline.published_at if dateline else None,
        title=title,
        meta=meta,
        changed=body != text,
    )


def _title(lines: list[str]) -> tuple[str | None, int]:
    """A Markdown "# Headline" first line, and the index of the first body line."""
    if not lines or not lines[0].startswith("#"):
        return None, 0
    match = _TITLE.fullmatch(lines[0])
    if match is None:
        return None, 0
    i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return match["title"], i


def _footer(lines: list[str], first: int, text: str) -> tuple[int, list[dict[str, str]]]:
    """Where a Newsramp archive footer starts (or len(lines)), and its links."""
    if not _has_rule(text):  # most articles: no line to look at
        return len(lines), []
    for i in range(len(lines) - 1, first - 1, -1):
        if lines[i].strip() != "---":
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and lines[j].lstrip().startswith(_FOOTER_START):
            footer = "\n".join(lines[j:])
            links = [{"text": m["text"], "url": m["url"]} for m in _LINK.finditer(footer)]
            return i, links
    return len(lines), []


def _has_rule(text: str) -> bool:
    """Whether ``text`` holds "---", found by its dashes (memchr: ten times faster than
    searching for the three characters in a release without)."""
    i = text.find("-")
    while i >= 0:
        if text.startswith("---", i):
            return True
        i = text.find("-", i + 1)
    return False


def _assemble(lines: list[str], first: int, stop: int, stripped: Stripped) -> str:
    """The kept lines, without the blank runs that dropping lines leaves behind."""
    keep = stripped.keep
    if not first and stop == len(lines) and stripped.signoff_line is None and all(keep):
        return "\n".join(lines)  # most articles: every line kept
    out: list[str] = []
    dropped = False
    for i in range(first, stop):
        if not keep[i]:
            dropped = True
            continue
        line = lines[i]
        if i == stripped.signoff_line:
            line = line[: stripped.signoff_cut].rstrip()
            dropped = True
            if not line:
                continue
        if dropped and not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    body = "\n".join(out)
    if first or stop < len(lines) or dropped:
        body = body.strip("\n").rstrip()
    return body


def _dateline_meta(meta: dict[str, Any], body: str, dateline: Dateline) -> None:
    meta["dateline"] = dateline.text.strip()
    if dateline.issuer:
        meta["issuer"] = dateline.issuer
    weekday = dateline.weekday
    if weekday is None:
        end = body.find("\n", dateline.end, dateline.end + 600)
        match = _SENTENCE_WEEKDAY.search(
            body, dateline.end, end if end >= 0 else dateline.end + 600
        )
        if match is not None:
            weekday = match["wd"].replace("'", "")
    if weekday:
        meta["weekday"] = weekday
