"""Datelines: the "Place (AGENCY) - " opening of a news story or press release.

``find_dateline`` looks only at the first few paragraphs (the first
``WINDOW`` characters) and understands the layouts of ANTARA, Kompas, CNN
Indonesia, Liputan6, PR Newswire, Business Wire, GlobeNewswire,
Newsworthy.ai, NewMediaWire, News Direct, PR Karma, Media OutReach, PRISM
MediaWire and the plain "CITY, State, Month D, YYYY – " form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.dates import YEAR_HINT, FoundDate, find_date, find_date_at

WINDOW = 1600
_MAX_LINES = 10

KNOWN_AGENCIES: dict[str, str] = {
    "antara": "ANTARA", "prnewswire": "PRNewswire", "pr newswire": "PRNewswire",
    "business wire": "Business Wire", "businesswire": "Business Wire",
    "globe newswire": "GlobeNewswire", "globenewswire": "GlobeNewswire",
    "newsworthy.ai": "Newsworthy.ai", "newmediawire": "NewMediaWire",
    "newsdirect": "News Direct", "news direct": "News Direct", "pr karma": "PR Karma",
    "24-7pressrelease": "24-7PressRelease", "media outreach newswire": "Media OutReach Newswire",
    "prism mediawire": "PRISM MediaWire", "noticias newswire": "Noticias Newswire",
    "accesswire": "ACCESSWIRE", "accesswire.com": "ACCESSWIRE", "ein presswire": "EIN Presswire",
    "kompas.com": "Kompas.com", "cnn indonesia": "CNN Indonesia",
    "cnbc indonesia": "CNBC Indonesia", "liputan6.com": "Liputan6.com",
    "tribunnews.com": "Tribunnews.com", "detikcom": "detikcom", "tempo.co": "Tempo.co",
    "viva.co.id": "VIVA.co.id", "suara.com": "Suara.com", "okezone.com": "Okezone.com",
    "newsusa": "NewsUSA", "ap": "AP", "reuters": "Reuters", "afp": "AFP", "xinhua": "Xinhua",
}  # fmt: skip

_DASH = r"(?:-{1,2}|[–—]{1,2})"
# An agency marker: "(AGENCY)", "/AGENCY/" or "[AGENCY](url)".
_MARKER = re.compile(
    r"\((?P<paren>[^()\n:]{2,40})\)|/(?P<slash>[^/\n:]{2,40})/|\[(?P<link>[^\]\n]{2,40})\]\([^)\n]*\)"
)
_AFTER = re.compile(rf"\s*(?P<date>[^\n/–—]{{0,70}}?)\s*(?:{_DASH}(?=\s|\w)|/|$)")
_AFTER_DASH = re.compile(rf"\s*(?P<date>[^\n–—]{{0,70}}?)\s*{_DASH}(?=\s|\w)")
_LEAD_DASH = re.compile(rf"\s*{_DASH}?\s*")
_PLACE_OK = re.compile(r"[^\W\d_]+(?:[ .,'’&-]+[^\W\d_]+)*[ .,]*")
_PLACE_THEN_DASH = re.compile(rf"\s*{_DASH}\s*(?P<place>[^–—\n]{{2,60}}?)\s*{_DASH}\s")
_DATE_END = re.compile(rf"\s*(?:{_DASH}\s*|[.,]\s+|$)")
_CONNECTORS = frozenset({"and", "&", "of", "de", "la", "del", "di"})
_NOT_PLACES = frozenset(
    "on in at by since from as last this that until before after during the a an for "
    "pada sejak hingga sampai dalam tanggal per mulai hari selama jelang menjelang "
    "note update breaking".split()
)
_WIRE_LINE = re.compile(rf"{_DASH}\s*(?P<agency>[A-Z][\w .]{{2,30}}?)\s*{_DASH}\s*$")
_ID_SITE = r"(?:[A-Za-z0-9]+\.(?:com|co\.id|co|id)|CNN Indonesia|CNBC Indonesia)"
_PLACE_SITE = re.compile(
    rf"(?P<place>[A-Z][\w .'’-]{{1,30}}?),\s*(?P<agency>{_ID_SITE})\s*{_DASH}\s"
)
_SITE_PLACE = re.compile(
    rf"(?P<agency>{_ID_SITE}),\s*(?P<place>[A-Z][\w .'’-]{{1,30}}?)\s*{_DASH}\s"
)
_CAPS_PLACE = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’&-]+(?: [A-Z.'’&-]+){{0,3}}(?:,\s*[A-Z][\w.]{{1,15}})?)\s*{_DASH}\s"
)
_SHORT_PLACE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) -{1,2} (?=\S)")
_KEEP_UPPER = frozenset({"USA", "UAE", "UK", "US", "EU", "DKI", "NTB", "NTT", "DIY"})


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at ``start``..``end`` of the text."""

    text: str
    start: int
    end: int
    place: str | None
    agency: str | None
    published_at: str | None = None
    weekday: str | None = None
    issuer: str | None = None


def find_dateline(text: str, offset: int = 0) -> Dateline | None:
    """The dateline in the first paragraphs of ``text`` from ``offset``, or None."""
    pos, seen = offset, 0
    limit = offset + WINDOW
    while pos < limit and pos < len(text) and seen < _MAX_LINES:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        raw = text[pos:end]
        line = raw.lstrip()
        if line and not line.startswith(("![", "* ", "#")):
            seen += 1
            found = _match_line(line, first=seen == 1)
            if found is not None:
                shift = pos + len(raw) - len(line)
                return _shifted(found, shift) if shift else found
        pos = end + 1
    return None


def _shifted(d: Dateline, shift: int) -> Dateline:
    return Dateline(
        d.text, d.start + shift, d.end + shift, d.place, d.agency,
        d.published_at, d.weekday, d.issuer,
    )  # fmt: skip


def _match_line(line: str, *, first: bool) -> Dateline | None:
    head = line[:240]
    return (
        _by_marker(head)
        or _by_site(head)
        or _by_date(head)
        or _by_date_first(head)
        or _by_wire_line(head)
        or _by_caps(head)
        or (_by_short(head) if first else None)
    )


def _by_marker(head: str) -> Dateline | None:
    """Layouts with an agency in parentheses, slashes or a Markdown link."""
    for marker in _MARKER.finditer(head, 0, 160):
        kind = marker.lastgroup or ""
        name = marker[kind].strip()
        pattern = _AFTER if kind == "slash" else _AFTER_DASH
        after = pattern.match(head, marker.end())
        if after is None or not name[:1].isalnum() or "–" in name:
            continue
        prefix = head[: marker.start()]
        if kind == "link" and prefix.endswith("(") and head.startswith(")", marker.end()):
            prefix, after = prefix[:-1], pattern.match(head, marker.end() + 1)
            if after is None:
                continue
        if kind == "paren" and _is_acronym_of(name, prefix):
            continue
        found = find_date(prefix)
        place = _clean_place(prefix[: found.start] if found else prefix)
        if place is None and prefix.strip():
            continue
        later = _date_after(head, after)
        if later is None:
            continue
        found, end = found or later[0], later[1]
        return _from_marker(head, end, kind, name, place, found)
    return None


def _is_acronym_of(name: str, prefix: str) -> bool:
    """Whether ``name`` abbreviates the words before it: "Warga Negara Indonesia (WNI)"."""
    if name.lower() in KNOWN_AGENCIES or not name.isupper() or " " in name:
        return False
    initials = iter("".join(w[0] for w in prefix.split() if w[:1].isalpha()).upper())
    return all(letter in initials for letter in name if letter.isalpha())


def _date_after(head: str, after: re.Match[str]) -> tuple[FoundDate | None, int] | None:
    """The date after a marker ("(Wire) Tuesday Jun 17, 2025 —", "(Wire) - June 5, 2024 -").

    None when text that is not a date sits between the marker and the dash.
    """
    between = after["date"].strip()
    if between:
        found = find_date_at(between, 2)
        if found is None:
            return None
        return found, after.end()
    if YEAR_HINT.search(head, after.end()) is None:  # every date has a year: skip the slow match
        return None, after.end()
    nxt = _AFTER.match(head, after.end())
    if nxt is not None and nxt["date"].strip():
        found = find_date_at(nxt["date"], 2)
        if found is not None:
            return found, nxt.end()
    return None, after.end()


def _from_marker(
    head: str, end: int, kind: str, name: str, place: str | None, found: FoundDate | None
) -> Dateline:
    agency = KNOWN_AGENCIES.get(name.lower())
    issuer = None
    if agency is None:
        if kind == "slash":
            issuer = name
        else:
            agency = name
    iso = found.iso if found else None
    weekday = found.weekday if found else None
    return Dateline(head[:end], 0, end, place, agency, iso, weekday, issuer)


def _by_site(head: str) -> Dateline | None:
    """Indonesian portals: "JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -"."""
    match = _PLACE_SITE.match(head) or _SITE_PLACE.match(head)
    if match is None:
        return None
    name = match["agency"]
    agency = KNOWN_AGENCIES.get(name.lower(), name)
    return Dateline(match[0], 0, match.end(), normalise_place(match["place"]), agency)


def _by_date(head: str) -> Dateline | None:
    """ "CITY, State, Month D, YYYY – " and relatives, maybe followed by a wire name."""
    found = find_date(head[:120])
    if found is None or found.start == 0:
        return None
    place = _clean_place(head[: found.start])
    if place is None:
        return None
    tail = _DATE_END.match(head, found.end)
    if tail is None:
        return None
    end = tail.end()
    agency = None
    rest = head[end : end + 40].lower()
    for key, name in KNOWN_AGENCIES.items():
        if len(key) > 3 and rest.startswith(key):
            agency = name
            break
    return Dateline(head[:end], 0, end, place, agency, found.iso, found.weekday)


def _by_date_first(head: str) -> Dateline | None:
    """The date before the place: "January 9, 2025 – Los Angeles, CA – "."""
    found = find_date_at(head[:40], 0)
    if found is None:
        return None
    match = _PLACE_THEN_DASH.match(head, found.end)
    if match is None:
        return None
    segments = [part.strip() for part in match["place"].split(",")]
    place = _clean_place(", ".join(segments[:2]))
    if place is None:
        return None
    issuer = ", ".join(segments[2:]) or None
    end = match.end()
    return Dateline(head[:end], 0, end, place, None, found.iso, found.weekday, issuer)


def _by_wire_line(head: str) -> Dateline | None:
    """A line that is only the wire: "--News Direct--"."""
    match = _WIRE_LINE.fullmatch(head.rstrip())
    if match is None or not head.startswith(("-", "–", "—")):
        return None
    name = match["agency"].strip()
    agency = KNOWN_AGENCIES.get(name.lower(), name)
    return Dateline(head.rstrip(), 0, len(head.rstrip()), None, agency)


def _by_caps(head: str) -> Dateline | None:
    """An all-capitals place and a dash: "WASHINGTON, D.C. – "."""
    match = _CAPS_PLACE.match(head)
    if match is None or len(match["place"].split(",")[0]) < 3:
        return None
    return Dateline(match[0], 0, match.end(), normalise_place(match["place"]), None)


def _by_short(head: str) -> Dateline | None:
    """A short capitalised place and " - " on the first line: "Jakarta - "."""
    match = _SHORT_PLACE.match(head)
    if match is None:
        return None
    return Dateline(match[0], 0, match.end(), match["place"], None)


def _clean_place(text: str) -> str | None:
    """The place in the text before a date or marker, or None if it is not one."""
    stripped = text.strip().rstrip("-–—,/ ").strip()
    if stripped.startswith(("-", "–", "—")):
        stripped = _LEAD_DASH.sub("", stripped, count=1)
    if not stripped or len(stripped) > 60 or len(stripped.split()) > 8:
        return None
    if _PLACE_OK.fullmatch(stripped) is None:
        return None
    words = stripped.split()
    if words[0].lower() in _NOT_PLACES:
        return None
    if any(not w[0].isupper() and w not in _CONNECTORS for w in words):
        return None
    return normalise_place(stripped)


def normalise_place(place: str) -> str:
    """Title case for all-capitals words ("SAN FRANCISCO, CA" -> "San Francisco, CA")."""
    parts = []
    for i, segment in enumerate(place.strip().split(",")):
        words = [_title_word(w, keep_short=i > 0) for w in segment.split(" ")]
        parts.append(" ".join(words))
    return ",".join(parts)


def _title_word(word: str, *, keep_short: bool) -> str:
    if not word.isupper() or word in _KEEP_UPPER or "." in word.strip("."):
        return word
    if keep_short and len(word) <= 2:
        return word
    return word.title()
