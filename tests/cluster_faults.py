"""Test-only faults for tests/test_cluster.py, loaded into the test's Dask workers alone.

The test's LocalCluster imports this file as a worker preload (distributed's `preload`),
so its spaCy factory exists in those workers and in no evextract install. The test
saves a blank pipeline that uses it: each Doc takes `delay` seconds (so that a run
lasts long enough to kill a worker mid-way), and a Doc whose text holds `fatal` ends
its worker process at once, as a segfault or the OOM killer would. evextract's own
code has no special case for either: it sees a pipeline, and a worker that dies.
"""

from __future__ import annotations

import os
import time

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "evextract_test_faults"
FATAL = "EXIT THIS WORKER"


class Faults:
    def __init__(self, delay: float, fatal: str) -> None:
        self.delay, self.fatal = delay, fatal

    def __call__(self, doc: Doc) -> Doc:
        time.sleep(self.delay)
        if self.fatal in doc.text:
            os._exit(70)
        return doc


def make_faults(nlp: Language, name: str, delay: float, fatal: str) -> Faults:
    return Faults(delay, fatal)


# A worker imports this file as its preload, and again as tests.cluster_faults when it
# unpickles a test's function: the factory is registered once.
if not Language.has_factory(FACTORY):
    Language.factory(FACTORY, default_config={"delay": 0.0, "fatal": FATAL}, func=make_faults)
