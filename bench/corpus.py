"""Synthetic ANTARA-style releases for benchmarks (fictional, generated)."""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["Tarakan", "Bulungan", "Nunukan", "Malinau", "Samarinda", "Balikpapan", "Jakarta"]
UNITS = ["Polda Kaltara", "Polres Bulungan", "Polres Tarakan", "KPU Kaltara", "Bawaslu Kaltara"]
WORDS = (
    "pengamanan personel apel siaga pilkada serentak kegiatan masyarakat keamanan ketertiban "
    "patroli wilayah koordinasi jajaran proses demokrasi berlangsung aman lancar kondusif "
    "tahapan pemungutan suara rekapitulasi hasil penghitungan tingkat provinsi kabupaten"
).split()


def release(rng: random.Random, n: int, size: int = 3000) -> dict[str, str]:
    """One release of about ``size`` characters."""
    place, unit = rng.choice(PLACES), rng.choice(UNITS)
    parts = [f"{place} (ANTARA) - Rilis {n}: {unit} menggelar apel siaga di {place}, Rabu."]
    length = len(parts[0])
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
        sentence = f"{sentence.capitalize()} di {rng.choice(PLACES)} oleh {rng.choice(UNITS)}."
        parts.append(sentence)
        length += len(sentence) + 1
    return {"title": f"{unit} siaga pilkada {n}", "text": "\n".join(parts), "source": "ANTARA"}


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    """A JSONL file of ``count`` releases."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            fh.write(json.dumps(release(rng, n), ensure_ascii=False) + "\n")
    return path


def write_folder(folder: Path, count: int, seed: int = 7) -> Path:
    """A folder of ``count`` .txt releases."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"rilis-{n:05d}.txt").write_text(release(rng, n)["text"], encoding="utf-8")
    return folder
