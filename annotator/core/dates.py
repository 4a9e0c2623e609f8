"""Dates as news and press releases write them, in Indonesian and English.

``parse_date`` turns one date string into ISO 8601 ("2024-12-12T04:33",
"2025-01-05", "2026-07" when only the month is given); ``find_date`` finds
the first date inside a longer string. Numeric dates are read day first
("17/6/2025"), as Indonesian writes them, unless the first number cannot be
a day-of-month-before-month reading (for example "6/17/2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Indonesian
    "januari": 1, "februari": 2, "maret": 3, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "oktober": 10, "desember": 12,
    "agu": 8, "agt": 8, "ags": 8, "okt": 10, "des": 12, "nop": 11, "pebruari": 2,
}  # fmt: skip

WEEKDAYS: dict[str, str] = {
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday",
    "thursday": "Thursday", "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday",
    "thu": "Thursday", "thur": "Thursday", "thurs": "Thursday", "fri": "Friday",
    "sat": "Saturday", "sun": "Sunday",
    "senin": "Senin", "selasa": "Selasa", "rabu": "Rabu", "kamis": "Kamis",
    "jumat": "Jumat", "jum'at": "Jumat", "sabtu": "Sabtu", "minggu": "Minggu", "ahad": "Minggu",
}  # fmt: skip


# Any word in the month and weekday slots; _iso and find_date check it against the tables
# (one character class is much cheaper for the regex engine than 60 alternatives).
_MONTH = r"[A-Za-z]{3,9}"
_WEEKDAY = r"[A-Za-z']{3,9}"
_TIME = (
    r"(?:\s*(?:,|@|\||-|pukul|pkl\.?|at)?\s*"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?"
    r"(?:\s*(?P<ampm>[AaPp])\.?[Mm]\.?)?)?"
)
_DATE_BODY = (
    rf"(?P<body>(?P<d1>\d{{1,2}})\s+(?P<mon1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<mon2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<mon3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<n1>\d{1,2})[/.-](?P<n2>\d{1,2})[/.-](?P<ny>\d{4}))"
)
_DATE = (
    rf"(?:(?P<weekday>{_WEEKDAY})\.?,?\s+)?"
    rf"(?<![\w/.-]){_DATE_BODY}(?![\w/])(?!\.\d){_TIME}(?![\w:])"
)
DATE_RE = re.compile(_DATE, re.IGNORECASE)
# Where a date's year can be: four digits from 1000 to 2999 with no digit beside them (as
# every year DATE_RE takes and _iso keeps), so "Rilis 5000" or "Rp 15000" start no search
YEAR_HINT = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")
_BEFORE_YEAR = 48  # "Wednesday, 31 September 2024": weekday, day and month before the year
_AFTER_YEAR = 24  # " @ 12:00 PM" after it
_ZONE = r"(?:\s*(?:WIB|WITA|WIT|UTC|GMT|[ECMP][SD]?T|ET))?"
_FULL_RE = re.compile(rf"\s*(?:{_DATE}){_ZONE}[\s.,;:)(]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a string: its ISO form, where it was, and a weekday if named."""

    iso: str
    start: int
    end: int
    weekday: str | None = None


def parse_date(s: str) -> str | None:
    """The ISO 8601 form of a date string, or None when ``s`` is not (only) a date.

    A bare weekday ("Rabu") is not a date.
    """
    if len(s) > 80 or YEAR_HINT.search(s) is None:
        return None
    match = _FULL_RE.fullmatch(s)
    return _iso(match) if match else None


def find_date(s: str) -> FoundDate | None:
    """The first valid date inside ``s``, or None."""
    searched = 0
    for year in YEAR_HINT.finditer(s):
        # Every date holds a four-digit year: search only around each one.
        pos = max(searched, year.start() - _BEFORE_YEAR)
        for match in DATE_RE.finditer(s, pos, year.end() + _AFTER_YEAR):
            iso = _iso(match, check_weekday=False)
            if iso:
                name = WEEKDAYS.get((match["weekday"] or "").lower())
                start = match.start() if name else match.start("body")
                return FoundDate(iso, start, match.end(), name)
        searched = year.end()
    return None


def find_date_at(s: str, limit: int) -> FoundDate | None:
    """:func:`find_date` when the date it finds starts within ``limit`` characters, else None.

    Tries the date pattern only where such a date can start: a few anchored
    matches instead of a search through the window around the first year.
    """
    year = YEAR_HINT.search(s)
    if year is None or year.start() - _BEFORE_YEAR > limit:
        return None  # a date starting this early holds the first year (see find_date)
    pos, end = max(0, year.start() - _BEFORE_YEAR), year.end() + _AFTER_YEAR
    while pos <= limit:
        match = DATE_RE.match(s, pos, end)
        if match is None:
            pos += 1  # as a search would go on
            continue
        iso = _iso(match, check_weekday=False)
        if iso:
            name = WEEKDAYS.get((match["weekday"] or "").lower())
            start = match.start() if name else match.start("body")
            return FoundDate(iso, start, match.end(), name) if start <= limit else None
        pos = match.end()  # as finditer goes on after a match
    return None


def _iso(match: re.Match[str], *, check_weekday: bool = True) -> str | None:
    weekday = match["weekday"]
    if check_weekday and weekday and weekday.lower() not in WEEKDAYS:
        return None
    year, month, day = _ymd(match)
    if year is None or month is None:
        return None
    if not 1 <= month <= 12 or not 1000 <= year <= 2999:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        text = date(year, month, day).isoformat()
    except ValueError:
        return None
    return text + _time(match)


def _ymd(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    for n in "123":
        if match["mon" + n]:
            day = int(match["d" + n]) if n != "3" else None
            month = MONTHS.get(match["mon" + n].lower())
            return int(match["y" + n]), month, day
    if match["iy"]:
        return int(match["iy"]), int(match["im"]), int(match["id"])
    if match["n1"]:
        first, second = int(match["n1"]), int(match["n2"])
        if second > 12 >= first:
            first, second = second, first
        return int(match["ny"]), second, first
    return None, None, None


def _time(match: re.Match[str]) -> str:
    if not match["hour"]:
        return ""
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (match["ampm"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return ""
    return f"T{hour:02d}:{minute:02d}"
