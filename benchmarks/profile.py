"""Where extraction's time goes: each pipeline component timed alone, after a warm-up.

    python -m benchmarks.profile [FOLDER] [--synthetic N] [--rounds R] [--cprofile NAME]

reads the .txt files under FOLDER (default ../shared/eval/dev), or writes a synthetic
corpus of N articles (benchmarks/corpus.py), makes their Docs once and passes them
through each component of the pipeline in turn, timing each component over all the
Docs; then `convert.doc_to_record` over the results. One warm-up round runs first,
so that caches (the lemmatizer's, the string store) are filled as in a long run; the
table shows the median of the rounds. `--base` times the plain base model instead.
`--cprofile NAME` prints the hottest functions of one component.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
CONVERT = "(doc_to_record)"


def main(argv: list[str] | None = None) -> None:
    options = _options(argv)
    with tempfile.TemporaryDirectory(prefix="evextract-profile-") as temporary:
        folder = options.folder
        if options.synthetic:
            from .corpus import write_corpus

            folder = write_corpus(Path(temporary), options.synthetic).folder
        texts = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]
    nlp = _pipeline(options.base)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words:,} words; pipeline: {', '.join(nlp.pipe_names)}")
    rounds = [profile_round(nlp, texts, base=options.base) for _ in range(options.rounds + 1)]
    _print_table(rounds[1:], words)
    if options.cprofile:
        _cprofile(nlp, texts, options.cprofile)


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEV)
    parser.add_argument("--synthetic", type=int, default=0, help="a synthetic corpus of N")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds after warm-up")
    parser.add_argument("--base", action="store_true", help="the plain base model")
    parser.add_argument("--cprofile", help="profile one component by name")
    return parser.parse_args(argv)


def _pipeline(base: bool) -> Any:
    if base:
        import spacy

        from evextract.versions import DEFAULT_MODELS, is_installed

        return spacy.load(next(name for name in DEFAULT_MODELS if is_installed(name)))
    from evextract.api import load_pipeline

    return load_pipeline()


def profile_round(nlp: Any, texts: Sequence[str], *, base: bool = False) -> dict[str, float]:
    """Seconds per component over all texts, each component over every Doc in a batch,
    as nlp.pipe runs them; then the records."""
    from evextract.api import BATCH_SIZE

    seconds: dict[str, float] = {}
    docs_out = []
    for start in range(0, len(texts), BATCH_SIZE):
        batch = texts[start : start + BATCH_SIZE]
        docs = _timed(seconds, "(make_doc)", lambda b=batch: [nlp.make_doc(t) for t in b])
        for name, component in nlp.pipeline:
            docs = _timed(seconds, name, lambda c=component, d=docs: _run(c, d))
        docs_out += docs
    if not base:
        from evextract.api import _text_item
        from evextract.convert import doc_to_record

        articles = [_text_item(n, text) for n, text in enumerate(texts)]
        _timed(
            seconds,
            CONVERT,
            lambda: [doc_to_record(d, a) for d, a in zip(docs_out, articles, strict=True)],
        )
    return seconds


def _run(component: Any, docs: list[Any]) -> list[Any]:
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=len(docs)))
    return [component(doc) for doc in docs]


def _timed(seconds: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = work()
    seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    return result


def _print_table(rounds: list[dict[str, float]], words: int) -> None:
    medians = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    total = sum(medians.values())
    print(f"{'component':<28}{'seconds':>9}{'share':>8}{'spread':>9}")
    for name, value in medians.items():
        spread = max(r[name] for r in rounds) - min(r[name] for r in rounds)
        print(f"{name:<28}{value:>9.3f}{value / total:>8.1%}{spread:>9.3f}")
    print(f"{'total':<28}{total:>9.3f}{'':>8}{'':>9}  ({words / total:,.0f} words/s)")


def _cprofile(nlp: Any, texts: Sequence[str], name: str) -> None:
    docs = [doc for doc in nlp.pipe(texts, disable=_after(nlp, name))]
    component = nlp.get_pipe(name)
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        component(doc)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def _after(nlp: Any, name: str) -> list[str]:
    names = nlp.pipe_names
    return names[names.index(name) :]


if __name__ == "__main__":
    main()
