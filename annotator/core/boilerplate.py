"""Boilerplate in news and press releases, found line by line.

``strip_boilerplate`` takes the lines of an article and returns the lines to
keep plus what it took out: "Baca juga" links, the "Berita Terkait" list,
"SCROLL TO CONTINUE WITH CONTENT", video trailers, reporter and editor
credits, sign-offs like "(ant)", and the tail of a press release ("About
<Company>", media contacts, "###" and what follows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from annotator.core.dates import parse_date

# One pattern per line kind; the group that matched names the kind.
_LINE = re.compile(
    r"\s*(?:"
    r"(?P<read_also>(?i:baca\s+juga|read\s+also|also\s+read|related\s+news)\s*:\s*(?P<ra>\S.*?))"
    r"|(?P<related>(?i:berita\s+terkait|artikel\s+terkait|related\s+news)\s*:?)"
    r"|(?P<scroll>SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT|Advertisement)"
    r"|(?P<video>(?:Simak|Saksikan|Tonton|Lihat)\s+(?:(?i:juga)\s+)?(?i:video)\b.*"
    r"|Saksikan\s+(?i:juga)\b.*|\[Gambas:[^\]\n]*\])"
    r"|(?P<credit>(?P<ck>(?i:pewarta|reporter|penulis|editor|redaktur|penyunting|penerjemah"
    r"|translator|fotografer|uploader))\s*:\s*(?P<cv>\S.{0,100}?))"
    r"|(?P<copyright>(?:Copyright|COPYRIGHT|Hak [Cc]ipta)\s*(?:©|\(c\)).*)"
    r"|(?P<endmark>(?:#\s*){3}|-30-)"
    r"|(?P<about>(?:\*\*|#{1,4}\s*)?(?:About|ABOUT|Tentang)\s+(?P<an>[^\n]{1,70}?)"
    r"\s*(?:\*\*)?\s*:?\s*(?:\*\*)?)"
    r"|(?P<contact>(?:\*\*)?(?i:(?:For\s+)?(?:Media|Press|Investor|Company|PR|Public\s+Relations"
    r"|Kontak)\s+)?(?i:Contacts?|Inquiries|Enquiries|Investor\s+Relations|Narahubung)"
    r"(?i:\s+(?:Information|Info|Details|Person))?\s*(?:\*\*)?\s*(?::.*|$))"
    r")\s*$"
)
# Every line _LINE or _ABOUT_INLINE matches starts with one of these (after
# white space): a mark, or a word that ends there. Checking the first word of
# every line at once lets articles without boilerplate skip the line patterns.
_START = r"[^\S\n]*(\w+|[^\w\s])"
_LINE_START = re.compile(_START)  # of one line
_LINE_STARTS = re.compile("\n" + _START)  # of every line of a text, after a "\n"
_MAYBE_STARTS = frozenset(
    "* # [ - baca read also related berita artikel scroll advertisement simak saksikan "
    "tonton lihat pewarta reporter penulis editor redaktur penyunting penerjemah translator "
    "fotografer uploader copyright hak about tentang for media press investor company pr "
    "public kontak contact contacts inquiries enquiries narahubung".split()
)
_ABOUT_INLINE = re.compile(r"\s*(?:\*\*)?(?:About|ABOUT|Tentang)\s+[A-Z][^:\n]{0,60}:\s*\S")
_SIGNOFF = re.compile(r"\s*\((?P<code>[a-z]{2,5}(?:/[a-z]{2,5}){0,3})\)\s*$")
_CREDIT_KEYS = {
    "pewarta": "reporter", "reporter": "reporter", "penulis": "reporter",
    "editor": "editor", "redaktur": "editor", "penyunting": "editor",
}  # fmt: skip
_NAME_SMALL = frozenset({"of", "and", "the", "for", "de", "la", "y", "&", "dan", "in"})
_MAX_SECTION = {"about": 8, "contact": 16}
_TAIL_KINDS = frozenset({"about", "contact", "endmark"})


@dataclass
class Stripped:
    """The lines kept and the boilerplate taken out of them."""

    keep: list[bool]
    read_also: list[str] = field(default_factory=list)
    related: list[dict[str, str | None]] = field(default_factory=list)
    boilerplate: dict[str, str] = field(default_factory=dict)
    signoff_line: int | None = None
    signoff_cut: int = 0

    def add(self, key: str, text: str) -> None:
        """Append ``text`` to the boilerplate section ``key``."""
        text = text.strip()
        if text:
            old = self.boilerplate.get(key)
            self.boilerplate[key] = f"{old}\n{text}" if old else text

    def meta(self) -> dict[str, Any]:
        """The JSON-ready metadata this scan found."""
        out: dict[str, Any] = {}
        if self.read_also:
            out["read_also"] = self.read_also
        if self.related:
            out["related"] = self.related
        if self.boilerplate:
            out["boilerplate"] = self.boilerplate
        return out


def classify(line: str) -> re.Match[str] | None:
    """The boilerplate pattern ``line`` matches, if any (its ``lastgroup`` names the kind)."""
    if not line or len(line) > 400:
        return None
    return _LINE.fullmatch(line)


def _line_kind(line: str, start: str | None = None) -> tuple[str | None, re.Match[str] | None]:
    """The kind of boilerplate ``line`` is (None for text) and what :func:`classify` matched.

    A line whose first word or mark (``start``, found here if not given) no
    boilerplate starts with is text, told without trying the patterns.
    """
    if start is None:
        found = _LINE_START.match(line)
        start = found[1] if found else ""
    if start.lower() not in _MAYBE_STARTS:
        return None, None
    match = classify(line)
    return _kind(match, line), match


def strip_boilerplate(lines: list[str], first: int, stop: int) -> Stripped:
    """Mark boilerplate among ``lines[first:stop]``; lines outside are left to the caller."""
    out = Stripped(keep=[True] * len(lines))
    starts = _LINE_STARTS.findall("\n" + "\n".join(lines[first:stop]))
    if _MAYBE_STARTS.isdisjoint(map(str.lower, starts)):  # most articles: no line to test
        _take_signoff(out, lines, first, stop)
        return out
    kinds = list(_kinds(lines, first, stop, starts))
    tail_from = _tail_start(lines, kinds, first, stop)
    skip_to = first
    for i, kind, match in kinds:
        if i >= tail_from:
            break
        if i >= skip_to:
            skip_to = _take(out, lines, i, tail_from, kind, match)
    if tail_from < stop:
        _take_tail(out, lines, tail_from, stop)
    _take_signoff(out, lines, first, tail_from)
    return out


def _kinds(
    lines: list[str], first: int, stop: int, starts: list[str]
) -> Iterator[tuple[int, str, re.Match[str] | None]]:
    """Each boilerplate line among ``lines[first:stop]``, its kind and what it matched.

    ``starts`` holds the first word or mark of every line there that is not
    blank, in order: only a line starting like boilerplate is matched.
    """
    words = iter(starts)
    for i in range(first, stop):
        line = lines[i]
        if line and not line.isspace():
            kind, match = _line_kind(line, next(words))
            if kind is not None:
                yield i, kind, match


def _tail_start(
    lines: list[str], kinds: list[tuple[int, str, re.Match[str] | None]], first: int, stop: int
) -> int:
    """Where the closing boilerplate starts: the earliest tail heading after which
    every section is short (an "About" heading mid-article is not the end)."""
    start, blocked = stop, False
    for i, kind, _ in reversed(kinds):
        if kind not in _TAIL_KINDS or i <= first:
            continue
        if kind == "endmark":
            start, blocked = i, False
        elif not blocked:
            size = sum(1 for n in range(i + 1, start) if lines[n].strip())
            if size > _MAX_SECTION[kind]:
                blocked = True
            else:
                start = i
    return start


def _kind(match: re.Match[str] | None, line: str) -> str | None:
    if match is not None:
        kind = match.lastgroup
        if kind == "about" and not _is_name(match["an"]):
            return None
        return kind
    if _ABOUT_INLINE.match(line):
        return "about"
    return None


def _is_name(text: str) -> bool:
    """Whether the words after "About" name something ("Acme Inc.", "the Company")."""
    words = text.split()
    if not words or len(words) > 8 or (text.endswith((".", "?", "!")) and len(words) > 3):
        return False
    if words[0] == "the":
        words = words[1:]
    return all(w[0].isupper() or w[0] in '&"“(' or w in _NAME_SMALL for w in words)


def _take(out: Stripped, lines: list[str], i: int, stop: int, kind: str, m: Any) -> int:
    """Drop line ``i`` (of ``kind``) and record it; return the next line to look at."""
    out.keep[i] = False
    if kind == "read_also":
        out.read_also.append(m["ra"].strip())
    elif kind == "related":
        return _take_related(out, lines, i + 1, stop)
    elif kind == "video":
        out.add("trailer", lines[i])
    elif kind == "credit":
        key = m["ck"].lower()
        out.add(_CREDIT_KEYS.get(key, key), m["cv"])
    elif kind == "copyright":
        out.add("copyright", lines[i])
    elif kind in _TAIL_KINDS:  # a tail heading on the first line: keep the text
        out.keep[i] = True
    return i + 1


def _take_related(out: Stripped, lines: list[str], i: int, stop: int) -> int:
    """Read "title / date" pairs after a "Berita Terkait" heading."""
    while True:
        j = _next_text(lines, i, stop)
        k = _next_text(lines, j + 1, stop)
        if k >= stop:
            break
        iso = parse_date(lines[k])
        if iso is None or parse_date(lines[j]) is not None:
            break
        out.related.append({"title": lines[j].strip(), "published_at": iso})
        for n in range(i, k + 1):
            out.keep[n] = False
        i = k + 1
    return i


def _next_text(lines: list[str], i: int, stop: int) -> int:
    while i < stop and not lines[i].strip():
        i += 1
    return i


def _take_tail(out: Stripped, lines: list[str], start: int, stop: int) -> None:
    """Everything from ``start`` on goes, sorted into about / contacts / trailer."""
    key = "trailer"
    chunk: list[str] = []
    for i in range(start, stop):
        out.keep[i] = False
        kind, match = _line_kind(lines[i])
        new = {"about": "about", "contact": "contacts", "endmark": "trailer"}.get(kind or "")
        if new is not None and new != key:
            out.add(key, "\n".join(chunk))
            key, chunk = new, []
        if kind == "credit" and match is not None:
            out.add(_CREDIT_KEYS.get(match["ck"].lower(), match["ck"].lower()), match["cv"])
        elif kind != "endmark":
            chunk.append(lines[i])
    out.add(key, "\n".join(chunk))


def _take_signoff(out: Stripped, lines: list[str], first: int, stop: int) -> None:
    """A closing "(ant)" or "(ita/ita)" at the end of the last kept line."""
    for i in range(stop - 1, first - 1, -1):
        if out.keep[i] and lines[i].strip():
            # a sign-off closes the line: most lines are told by their end, without a search
            match = _SIGNOFF.search(lines[i]) if lines[i].rstrip().endswith(")") else None
            if match is not None:
                out.add("signoff", f"({match['code']})")
                out.signoff_line, out.signoff_cut = i, match.start()
            return
