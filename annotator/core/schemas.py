"""Ready-made label schemas, and colours that stay apart for colour-blind eyes."""

from __future__ import annotations

from annotator.core.model import Label, LabelKind, Role, Schema

# Okabe & Ito's palette, then Paul Tol's "muted" scheme: distinguishable under
# the common colour-vision deficiencies, and light enough behind black text.
PALETTE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#DDCC77",
    "#CC6677",
    "#AA4499",
    "#882255",
)

INDONESIAN_NEWS = Schema(
    labels=(
        Label("PER", LabelKind.ENTITY, "#56B4E9", "1", "Person (orang): Budi Rachmat"),
        Label("ORG", LabelKind.ENTITY, "#E69F00", "2", "Organisation: Polda Kaltara, KPU"),
        Label("LOC", LabelKind.ENTITY, "#009E73", "3", "Place (lokasi): Tarakan, Mapolda"),
        Label("DATE", LabelKind.ENTITY, "#F0E442", "4", "Date or time: Rabu, 12 Desember 2024"),
        Label("TITLE", LabelKind.ENTITY, "#CC79A7", "5", "Title or rank: Kabid Humas, Kombes Pol."),
        Label("EVENT", LabelKind.ENTITY, "#D55E00", "6", "Named event: Pilkada Serentak 2024"),
        Label("QTY", LabelKind.ENTITY, "#88CCEE", "7", "Quantity: 300 personel"),
        Label("MISC", LabelKind.ENTITY, "#DDCC77", "8", "Anything else worth a name"),
    )
)

_AGENT = Role("agent", shortcut="a")
_PLACE = Role("place", max_count=1, shortcut="p")
_TIME = Role("time", max_count=1, shortcut="t")

PRESS_RELEASE_EVENTS = Schema(
    labels=(
        Label(
            "SECURITY_OPERATION",
            LabelKind.EVENT,
            "#0072B2",
            "q",
            "Security operation or roll-call (apel, patroli, pengamanan)",
            (Role("agent", True, None, "a"), Role("participant", shortcut="r"), _PLACE, _TIME),
        ),
        Label(
            "ARREST",
            LabelKind.EVENT,
            "#D55E00",
            "w",
            "Arrest (penangkapan)",
            (_AGENT, Role("person", True, None, "r"), _PLACE, _TIME),
        ),
        Label(
            "ELECTION",
            LabelKind.EVENT,
            "#009E73",
            "e",
            "Election, vote or count (pilkada, pemilu)",
            (Role("organiser", shortcut="a"), Role("candidate", shortcut="r"), _PLACE, _TIME),
        ),
        Label(
            "MEETING",
            LabelKind.EVENT,
            "#CC79A7",
            "m",
            "Meeting or visit (rapat, kunjungan)",
            (Role("participant", True, None, "r"), _PLACE, _TIME),
        ),
        Label("located_in", LabelKind.RELATION, "#999999", None, "Head is located in tail"),
        Label("member_of", LabelKind.RELATION, "#777777", None, "Person belongs to organisation"),
        Label("holds_title", LabelKind.RELATION, "#555555", None, "Person holds title or rank"),
    )
)

DEFAULT = Schema(INDONESIAN_NEWS.labels + PRESS_RELEASE_EVENTS.labels)


def colour_for(index: int) -> str:
    """The ``index``-th colour of the palette, cycling."""
    return PALETTE[index % len(PALETTE)]
