"""Batches run one after the other in this process: `--jobs 1`, and the library's default."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..batches import BATCH_SIZE, Item, Result, batches, extract_batch
from . import Executor

if TYPE_CHECKING:
    from spacy.language import Language


class InProcess(Executor):
    """The pipeline given, run here, a batch at a time so memory stays flat."""

    def __init__(self, nlp: Language, *, batch_size: int = BATCH_SIZE) -> None:
        from ..pipeline import pipeline_info

        self._nlp, self._batch_size = nlp, batch_size
        self.info = pipeline_info(nlp)

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        return (
            result
            for batch in batches(items, self._batch_size)
            for result in extract_batch(batch, self._nlp, self.info)
        )
