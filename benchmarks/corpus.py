"""Synthetic corpora for the benchmark: news-like articles, as many as asked.

Each article recombines sentences of the samples in data/raw with sentences
written here from templates: real companies, people and places, with random
figures. Paragraphs are separated by blank lines, as in the samples, and the
files are spread over subfolders, as in a real crawl. The same seed gives the
same corpus. Nothing comes from ../shared.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw"
FILES_PER_FOLDER = 500

COMPANIES = (
    "BYD", "CATL", "Tesla", "Nio", "Xpeng", "Li Auto", "Volkswagen", "Stellantis", "Hyundai",
    "LG Energy Solution", "Panasonic", "Samsung SDI", "SK On", "Geely", "Great Wall Motor",
    "Toyota", "Ford", "General Motors", "Rivian", "Lucid", "Northvolt", "Gotion High-Tech",
    "Leapmotor", "Xiaomi", "Ola Electric", "Tata Motors", "Mahindra", "BMW", "Renault", "Kia",
)  # fmt: skip
PEOPLE = (
    ("Wang Chuanfu", "BYD"), ("Zeng Yuqun", "CATL"), ("Elon Musk", "Tesla"),
    ("William Li", "Nio"), ("He Xiaopeng", "Xpeng"), ("Carlos Tavares", "Stellantis"),
    ("Lei Jun", "Xiaomi"), ("Bhavish Aggarwal", "Ola Electric"), ("Jim Farley", "Ford"),
    ("Mary Barra", "General Motors"), ("RJ Scaringe", "Rivian"), ("Li Xiang", "Li Auto"),
)  # fmt: skip
PLACES = (
    ("Szeged", "Hungary"), ("Debrecen", "Hungary"), ("Hefei", "China"), ("Shenzhen", "China"),
    ("Ningde", "China"), ("Berlin", "Germany"), ("Erfurt", "Germany"), ("Austin", "Texas"),
    ("Savannah", "Georgia"), ("Chennai", "India"), ("Krishnagiri", "India"),
    ("Manisa", "Turkey"), ("Rayong", "Thailand"), ("Valencia", "Spain"), ("Zwickau", "Germany"),
    ("Monterrey", "Mexico"), ("Sunderland", "England"), ("Kentucky", "the United States"),
)  # fmt: skip
MONEY = (
    ("${n} billion", (1, 12)), ("{n} billion euros", (1, 9)), ("RMB {n} billion", (2, 80)),
    ("{n} billion yuan", (2, 80)), ("Rs {n} crore", (100, 9000)), ("${n} million", (50, 900)),
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
TEMPLATES = (
    "{company} delivered {count:,} vehicles in {month}, up {pct}% from a year earlier.",
    "{company} will invest {money} in a battery plant in {city}, {region}.",
    "The plant in {city} will have an annual capacity of {gwh} GWh when it opens in {year}.",
    "{person}, chief executive of {own}, said the {city} factory would employ {staff:,} people.",
    "{company} and {other} agreed to build a joint venture in {region}, worth {money}.",
    "Shares of {company} rose {small}% on {weekday} after it raised its forecast.",
    "Sales of new-energy vehicles in {region} reached {count:,} units in {month}, "
    "a share of {pct}%.",
    "{company} cut the price of its entry model by {small}% to about {money_small}.",
    "Analysts expect {company} to ship between {low:,} and {high:,} cars this year.",
    "{company} plans to open {stations:,} charging stations in {region} by {year}.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    articles: int
    words: int


def write_corpus(folder: Path, articles: int, seed: int = 6) -> Corpus:
    """Write `articles` synthetic articles under `folder`; returns what was written."""
    rng = random.Random(seed)
    sample_sentences = _sample_sentences()
    words = 0
    for n in range(articles):
        text = _article(rng, sample_sentences)
        path = folder / f"part{n // FILES_PER_FOLDER:03}" / f"article {n:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
    return Corpus(folder, articles, words)


def _sample_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[2:]:  # no headline
            sentences += [s for s in _sentences(paragraph.strip()) if len(s.split()) > 3]
    return sentences


def _sentences(paragraph: str) -> list[str]:
    """Sentences, not cut after "Co." or "U.S.": good enough for recombining."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
_ABBREVIATIONS = ("Co.", "Ltd.", "Inc.", "Corp.", "U.S.", "Mr.", "Ms.", "Dr.", "St.", "No.")


def _article(rng: random.Random, samples: list[str]) -> str:
    city, region = rng.choice(PLACES)
    headline = f"{rng.choice(COMPANIES)} {rng.choice(('expands in', 'bets on', 'eyes'))} {city}"
    dateline = f"{city.upper()}, {region}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2025 --"
    paragraphs = [headline, dateline]
    for _ in range(rng.randint(3, 6)):
        sentences = [
            _template(rng) if rng.random() < 0.5 else rng.choice(samples)
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _template(rng: random.Random) -> str:
    company, other = rng.sample(COMPANIES, 2)
    person, own = rng.choice(PEOPLE)
    city, region = rng.choice(PLACES)
    low = rng.randint(10, 900) * 1000
    return rng.choice(TEMPLATES).format(
        company=company,
        other=other,
        person=person,
        own=own,
        city=city,
        region=region,
        count=rng.randint(1_000, 500_000),
        pct=round(rng.uniform(1, 90), 1),
        small=rng.randint(2, 15),
        money=_money(rng),
        money_small=f"${rng.randint(18, 60)},{rng.randint(100, 999)}",
        gwh=rng.choice((8, 20, 40, 60, 100)),
        year=rng.randint(2025, 2030),
        staff=rng.randint(5, 60) * 100,
        month=rng.choice(MONTHS),
        weekday=rng.choice(WEEKDAYS),
        low=low,
        high=low + rng.randint(10, 200) * 1000,
        stations=rng.randint(50, 5000),
    )


def _money(rng: random.Random) -> str:
    pattern, (low, high) = rng.choice(MONEY)
    return pattern.format(n=rng.randint(low, high))
