"""brat standoff: ``X.txt`` holds the text, ``X.ann`` its annotations.

Offsets are code points over the ``.txt`` exactly as stored. T lines become
spans (keys kept: "T1"), E lines events (role suffixes such as
``Participant2`` folded to ``Participant``), R lines relations (an argument
naming an event points at its trigger span), N lines entity links. # lines
notes on their span or event. A and ``*`` lines go to
``meta["brat_attributes"]`` and ``meta["brat_equivalences"]`` so an export
writes them back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.formats.base import Problem, ReadItem, ReadOptions, Record, Severity
from annotator.core.formats.brat_writer import BratWriter
from annotator.core.formats.plaintext import read_text_file, title_from_name
from annotator.core.model import (
    Argument,
    Document,
    EntityRef,
    Event,
    Note,
    Origin,
    Relation,
    Span,
)
from annotator.core.offsets import span_problem

_LINE = re.compile(r"\A(?:[TERAMN#]\d*|\*)\t")
_ROLE_SUFFIX = re.compile(r"\A(?P<role>.*\D)(?:[2-9]|\d{2,})\Z")


class BadLineError(ValueError):
    """An annotation line that cannot be read."""


def normalise_role(role: str) -> str:
    """``Participant2`` -> ``Participant``; ``Arg1`` stays (brat numbers repeats from 2)."""
    m = _ROLE_SUFFIX.match(role)
    return m["role"] if m else role


@dataclass
class _Ann:
    """What one .ann file holds, as it is parsed."""

    text: str
    where: str
    spans: dict[str, Span] = field(default_factory=dict)
    events: dict[str, tuple[str, str, list[tuple[str, str]], int]] = field(default_factory=dict)
    relations: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    links: dict[str, EntityRef] = field(default_factory=dict)
    meta: dict[str, list[Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def warn(self, message: str, line: int, severity: Severity = Severity.WARNING) -> None:
        self.problems.append(Problem(self.where, message, line, severity=severity))

    def keep(self, key: str, value: Any) -> None:
        self.meta.setdefault(key, []).append(value)


def _text_bound(ann: _Ann, ident: str, body: str, surface: str, line: int) -> None:
    label, _, offsets = body.partition(" ")
    try:
        fragments = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
        pairs = [(f[0], f[1]) for f in fragments if len(f) == 2]
    except ValueError:
        pairs = []
    if not label or not pairs or len(pairs) != len(fragments):
        raise BadLineError(f"bad text-bound annotation {body!r}")
    start, end = min(s for s, _ in pairs), max(e for _, e in pairs)
    problem = span_problem(ann.text, start, end)
    if problem is not None:
        raise BadLineError(f"{ident}: {problem} (label {label!r}); span rejected")
    if len(pairs) > 1:
        gaps = [ann.text[a[1] : b[0]] for a, b in pairwise(pairs)]
        if any(g.strip() for g in gaps):
            ann.warn(
                f"{ident}: discontinuous span {offsets} imported as the covering range "
                f"[{start}, {end})",
                line,
            )
    elif surface and surface != ann.text[start:end]:
        ann.warn(f"{ident}: text {surface!r} differs from the .txt {ann.text[start:end]!r}", line)
    ann.spans[ident] = Span(start, end, label, key=ident, origin=Origin.IMPORTED)


def _pairs(body: str) -> list[tuple[str, str]]:
    pairs = []
    for part in body.split():
        role, sep, target = part.partition(":")
        if not sep or not role or not target:
            raise BadLineError(f"expected Role:ID, got {part!r}")
        pairs.append((role, target))
    return pairs


def _parse_line(ann: _Ann, line: str, number: int) -> None:
    ident, _, rest = line.partition("\t")
    body, _, surface = rest.partition("\t")
    kind = ident[:1]
    if kind == "T":
        _text_bound(ann, ident, body, surface, number)
    elif kind == "E":
        pairs = _pairs(body)
        if not pairs:
            raise BadLineError("event without a type")
        (etype, trigger), args = pairs[0], pairs[1:]
        ann.events[ident] = (etype, trigger, args, number)
    elif kind == "R":
        label, _, arg_text = body.partition(" ")
        roles = dict(_pairs(arg_text))
        if "Arg1" not in roles or "Arg2" not in roles:
            raise BadLineError(f"relation needs Arg1 and Arg2, got {arg_text!r}")
        ann.relations.append((ident, label, roles["Arg1"], roles["Arg2"], number))
    elif kind in ("A", "M"):
        parts = body.split()
        if len(parts) not in (2, 3):
            raise BadLineError(f"bad attribute {body!r}")
        value = parts[2] if len(parts) == 3 else True
        ann.keep(
            "brat_attributes", {"id": ident, "name": parts[0], "target": parts[1], "value": value}
        )
    elif kind == "N":
        _normalisation(ann, ident, body, surface)
    elif kind == "#":
        words = body.split() or [""]
        ann.notes.append((words[-1], surface))
    else:
        ann.keep("brat_equivalences", body.split()[1:])


def _normalisation(ann: _Ann, ident: str, body: str, surface: str) -> None:
    parts = body.split()
    if len(parts) != 3 or ":" not in parts[2]:
        raise BadLineError(f"bad normalisation {body!r}")
    db, _, db_id = parts[2].partition(":")
    ann.links[parts[1]] = EntityRef(None, surface or db_id)
    ann.keep("brat_normalizations", {"id": ident, "target": parts[1], "db": db, "db_id": db_id})


def _resolve(ann: _Ann, target: str) -> str | None:
    """A span key for a T or E id (an event stands for its trigger)."""
    if target in ann.spans:
        return target
    if target in ann.events:
        return _resolve(ann, ann.events[target][1]) if ann.events[target][1] != target else None
    return None


def _events(ann: _Ann) -> list[Event]:
    events = []
    for ident, (etype, trigger, args, line) in ann.events.items():
        if _resolve(ann, trigger) != trigger:
            ann.warn(f"{ident}: trigger {trigger} is not a text-bound annotation", line)
            continue
        arguments = []
        for role, target in args:
            key = _resolve(ann, target)
            if key is None:
                ann.warn(f"{ident}: argument {role}:{target} names no annotation; dropped", line)
            else:
                arguments.append(Argument(normalise_role(role), span=key))
        events.append(Event(etype, trigger=trigger, arguments=tuple(arguments), key=ident))
    return events


def _relations(ann: _Ann) -> list[Relation]:
    relations = []
    for ident, label, arg1, arg2, line in ann.relations:
        head, tail = _resolve(ann, arg1), _resolve(ann, arg2)
        if head is None or tail is None:
            ann.warn(f"{ident}: argument names no annotation; relation dropped", line)
            continue
        relations.append(Relation(label, head=head, tail=tail, key=ident))
    return relations


def _notes(ann: _Ann) -> list[Note]:
    """Notes on the span or event they name, else on the document."""
    notes = []
    for target, text in ann.notes:
        if target in ann.spans:
            notes.append(Note(text, span=target))
        elif target in ann.events:
            notes.append(Note(text, event=target))
        else:
            notes.append(Note(text))
    return notes


def parse_ann(text: str, ann_text: str, where: str) -> tuple[_Ann, list[Event], list[Relation]]:
    """Parse a whole .ann against its text; bad lines become problems."""
    ann = _Ann(text, where)
    lines = [(n, ln.rstrip("\r")) for n, ln in enumerate(ann_text.split("\n"), start=1)]
    ordered = sorted((ln[:1] != "T", n, ln) for n, ln in lines if ln.strip())
    for _, number, line in ordered:
        if not _LINE.match(line):
            ann.warn(f"not a brat annotation line: {line[:40]!r}", number, Severity.ERROR)
            continue
        try:
            _parse_line(ann, line, number)
        except BadLineError as exc:
            ann.warn(str(exc), number, Severity.ERROR)
    for target, ref in ann.links.items():
        if target in ann.spans:
            span = ann.spans[target]
            ann.spans[target] = replace(span, entity=replace(ref, type=span.label))
    return ann, _events(ann), _relations(ann)


def read_pair(txt: Path, ann_path: Path) -> Iterator[ReadItem]:
    """One document from a .txt and its .ann."""
    text, problems = read_text_file(txt)
    yield from problems
    if text is None:
        return
    if ann_path.exists():
        ann_text, ann_problems = read_text_file(ann_path)
        yield from (p for p in ann_problems if p.message != "empty file")
    else:
        ann_text = ""
        yield Problem(str(ann_path), "no .ann file; text imported without annotations")
    ann, events, relations = parse_ann(text, ann_text or "", str(ann_path))
    yield from ann.problems
    doc = Document(
        text=text,
        title=title_from_name(txt),
        external_id=txt.stem,
        meta={"file": txt.name, **ann.meta},
        spans=tuple(ann.spans.values()),
        events=tuple(events),
        relations=tuple(relations),
        notes=tuple(_notes(ann)),
    )
    yield Record(doc, str(ann_path), pre_annotated=True)


class BratReader:
    """Reads brat standoff pairs: given the .ann, the .txt or their folder."""

    name: str = "brat"
    extensions: tuple[str, ...] = (".ann", ".txt")

    def sniff(self, path: Path, head: str) -> bool:
        suffix = path.suffix.lower()
        if suffix == ".txt":  # the common case first: one look for its .ann (os.path: cheaper)
            return os.path.isfile(os.path.splitext(path)[0] + ".ann")
        if path.is_dir():
            return any(path.glob("*.ann"))
        if suffix != ".ann":
            return False
        first = next((ln for ln in head.lstrip("\ufeff").splitlines() if ln.strip()), "")
        return not first or _LINE.match(first) is not None

    def read(self, path: Path, options: ReadOptions) -> Iterator[ReadItem]:
        if path.is_dir():
            anns = sorted(path.glob("*.ann"))
            if not anns:
                yield Problem(str(path), "no .ann files in folder")
            for ann in anns:
                yield from self._read_one(ann)
            return
        yield from self._read_one(path)

    def _read_one(self, path: Path) -> Iterator[ReadItem]:
        txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
        if not txt.is_file():
            yield Problem(str(path), f"no text file {txt.name} next to the annotations")
            return
        yield from read_pair(txt, ann)


READER = BratReader()
WRITER = BratWriter()
