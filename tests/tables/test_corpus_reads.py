"""The tables read from a Corpus are recorded while a recording is open (figures and notebooks
depend on those tables only)."""

import pandas as pd

from ipanalysis.tables.corpus import Corpus, recording_reads
from ipanalysis.tables.schema import TABLES


def test_reads_are_recorded_in_every_open_recording_and_only_there():
    corpus = Corpus(**{name: pd.DataFrame({"n": [len(name)]}) for name in TABLES})
    corpus.documents  # noqa: B018 (read before any recording)
    with recording_reads() as outer:
        corpus.measures  # noqa: B018
        with recording_reads() as inner:
            assert len(corpus.targets) == 1
        corpus.build_id  # noqa: B018 (not a table)
    assert outer == {"measures", "targets"} and inner == {"targets"}
    with recording_reads() as every:
        repr(corpus)  # shows every table's size
    assert every == set(TABLES)
