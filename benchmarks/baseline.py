"""The yardstick: plain spaCy over the same texts, every component of the base model.

    python -m benchmarks.baseline FOLDER MODEL

reads every .txt under FOLDER in the order evextract does, loads MODEL with
`spacy.load` and runs `nlp.pipe` (default batch size) over the texts,
keeping nothing. The benchmark times this process from start to end.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path


def texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.txt")):
        yield path.read_text(encoding="utf-8")


def main(folder: str, model: str) -> None:
    import spacy

    nlp = spacy.load(model)
    for _doc in nlp.pipe(texts(Path(folder))):
        pass


if __name__ == "__main__":
    main(*sys.argv[1:])
