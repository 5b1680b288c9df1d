"""Text reuse between plans: which measures share their text with a measure of another document.

Measures are compared on their own text (unit brackets and the boilerplate of
``data/boilerplate.txt`` removed, punctuation and spaces dropped). Candidates come from MinHash
signatures of character 5-grams with locality-sensitive hashing (8 bands of 4 rows: pairs sharing
about half their 5-grams or more meet in a band); in a corpus of ten documents or more, 5-grams in
over a fifth of the documents are left out as boilerplate too. Each measure is linked only to the
earliest measure of its band (its likely source) and to its two nearest predecessors, so a template
that every district copies gives a few rows per measure, not one per copy. A candidate is kept
when the share of text the two measures share (``rapidfuzz`` Indel similarity: 2·LCS / total
length) is at least ``MIN_SIMILARITY``; ``shared`` holds the longest passages they share (local
alignment on characters). ``a`` is the earlier document (by the date written, then the period).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from ..parse.themes import strip_units
from ..rules.datafiles import read_lines

__all__ = ["find_reuse", "REUSE_COLUMNS", "MIN_SIMILARITY"]

MIN_SIMILARITY = 0.5
SHINGLE = 5
BANDS, ROWS = 8, 4
NEIGHBOURS = 2
MIN_PASSAGE = 8
REUSE_COLUMNS = ["measure_id_a", "measure_id_b", "doc_id_a", "doc_id_b", "similarity", "shared",
                 "date_a", "date_b", "dated"]


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    phrases = sorted(read_lines("boilerplate.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases)))


def clean_text(text: str) -> str:
    """A measure's own words: no unit brackets, no boilerplate, no punctuation or spaces."""
    text = _boilerplate().sub("", strip_units(text or ""))
    return re.sub(r"[\W_]+", "", text)


def _shingles(text: str) -> np.ndarray:
    """Hashes of the character 5-grams of ``text`` (deterministic, vectorised)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < SHINGLE:
        return np.unique(codes * np.uint64(1_000_003)) if len(codes) else np.zeros(0, np.uint64)
    h = np.zeros(len(codes) - SHINGLE + 1, dtype=np.uint64)
    for j in range(SHINGLE):
        h = h * np.uint64(1_000_003) + codes[j: len(codes) - SHINGLE + 1 + j]
    return np.unique(h)


def _signatures(shingle_sets: list[np.ndarray], n_hashes: int) -> np.ndarray:
    rng = np.random.default_rng(20211020)
    a = rng.integers(1, 2**61, size=n_hashes, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**61, size=n_hashes, dtype=np.uint64)
    out = np.full((len(shingle_sets), n_hashes), np.iinfo(np.uint64).max, dtype=np.uint64)
    for i, s in enumerate(shingle_sets):
        if len(s):
            out[i] = (a[:, None] * s[None, :] + b[:, None]).min(axis=1)
    return out


def _candidates(signatures: np.ndarray, order: list[int], docs: list[str]) -> set[tuple[int, int]]:
    """Pairs (earlier, later) of measures of different documents that meet in a band."""
    rank = {m: k for k, m in enumerate(order)}
    pairs = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        rows = signatures[:, band * ROWS:(band + 1) * ROWS]
        for i in range(len(rows)):
            buckets[rows[i].tobytes()].append(i)
        for members in buckets.values():
            if len(members) < 2:
                continue
            members.sort(key=rank.__getitem__)
            source = members[0]
            for k, m in enumerate(members[1:], start=1):
                partners = [source] + members[max(0, k - NEIGHBOURS):k]
                pairs.update((p, m) for p in partners if docs[p] != docs[m])
    return pairs


def _shared(a: str, b: str, n: int = 3) -> str:
    from rapidfuzz.distance import Indel

    blocks = [(op.src_start, op.src_end) for op in Indel.opcodes(a, b) if op.tag == "equal"]
    blocks = sorted((a[s:e] for s, e in blocks if e - s >= MIN_PASSAGE), key=len, reverse=True)
    return " … ".join(blocks[:n])


def _drop_common(shingles: list[np.ndarray], doc_ids: list[str], max_docs: float) -> list[np.ndarray]:
    """The 5-grams without those found in more than ``max_docs`` documents (vectorised counting)."""
    per_doc: dict[str, list[np.ndarray]] = defaultdict(list)
    for s, d in zip(shingles, doc_ids):
        per_doc[d].append(s)
    distinct = [np.unique(np.concatenate(parts)) for parts in per_doc.values()]
    values, counts = np.unique(np.concatenate(distinct), return_counts=True)
    common = values[counts > max_docs]
    if not len(common):
        return shingles
    hashes = np.concatenate(shingles)
    keep = ~np.isin(hashes, common)  # one pass over all 5-grams, then cut back into measures
    bounds = np.cumsum([len(s) for s in shingles])[:-1]
    return [part[mask] for part, mask in zip(np.split(hashes, bounds), np.split(keep, bounds))]


def find_reuse(measures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The reuse table of a corpus (columns :data:`REUSE_COLUMNS`)."""
    from rapidfuzz.distance import Indel

    docs = documents.set_index("doc_id")
    date = docs.date_written.fillna(docs.period_start.astype("string").fillna("") + "-00-00").fillna("")
    m = measures[["measure_id", "doc_id", "text"]].reset_index(drop=True)
    texts = [clean_text(t) for t in m.text]
    shingles = [_shingles(t) for t in texts]
    n_docs = documents.doc_id.nunique()
    if n_docs >= 10:
        shingles = _drop_common(shingles, m.doc_id.tolist(), max_docs=0.2 * n_docs)
    doc_list, ids = m.doc_id.tolist(), m.measure_id.tolist()
    dates = {d: str(v) for d, v in date.items()}
    order = sorted(range(len(m)), key=lambda i: (dates.get(doc_list[i], ""), doc_list[i], i))
    pairs = _candidates(_signatures(shingles, BANDS * ROWS), order, doc_list)
    rows = []
    for i, j in sorted(pairs):
        if not texts[i] or not texts[j]:
            continue
        similarity = Indel.normalized_similarity(texts[i], texts[j])
        if similarity < MIN_SIMILARITY:
            continue
        da, db = dates.get(doc_list[i], ""), dates.get(doc_list[j], "")
        rows.append({"measure_id_a": ids[i], "measure_id_b": ids[j], "doc_id_a": doc_list[i],
                     "doc_id_b": doc_list[j], "similarity": round(similarity, 4), "shared": _shared(texts[i], texts[j]),
                     "date_a": da or None, "date_b": db or None, "dated": bool(da and db and da != db)})
    return pd.DataFrame(rows, columns=REUSE_COLUMNS)


def write_reuse(processed) -> tuple[pd.DataFrame, list]:
    """Compute the reuse table of the tables in ``processed`` and write it beside them (Parquet and
    CSV, atomically); its Parquet metadata names the measures table it was computed from and what
    it was made from (:func:`reuse_inputs`). When the table there was made from the same inputs,
    it is returned as it is and nothing is written."""
    import json
    from pathlib import Path

    import pyarrow as pa

    import pyarrow.parquet as pq

    from ..tables.corpus import file_digests, verify_tables
    from ..tables.write import write_tables

    processed = Path(processed)
    verify_tables(processed)  # one build's tables, or a clear refusal
    inputs = reuse_inputs(processed)
    kept = _kept_reuse(processed, inputs)
    if kept is not None:
        return kept, []
    measures = pq.read_table(processed / "measures.parquet", columns=["measure_id", "doc_id", "text"]).to_pandas()
    documents = pq.read_table(processed / "documents.parquet",
                              columns=["doc_id", "date_written", "period_start"]).to_pandas()
    reuse = find_reuse(measures, documents)
    source = file_digests([processed / "measures.parquet"])["measures.parquet"]
    table = pa.Table.from_pandas(reuse, preserve_index=False)
    made_from = {"measures_sha256": source, "inputs": inputs}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           b"ipanalysis_reuse": json.dumps(made_from).encode()})
    return reuse, write_tables({"reuse": table}, processed)


def reuse_inputs(processed) -> str | None:
    """A digest of what the reuse table of ``processed`` is made from: the content of the measures
    and documents tables (their digests in the build's manifest) and the code and data files the
    finder runs; None when the tables have no manifest."""
    import hashlib
    import json

    from ..imports import code_digest
    from ..tables.corpus import table_digests

    digests = table_digests(processed)
    if not digests:
        return None
    made_from = {"measures": digests.get("measures"), "documents": digests.get("documents"),
                 "code": code_digest([__name__])}
    return hashlib.sha256(json.dumps(made_from, sort_keys=True).encode()).hexdigest()[:16]


def _kept_reuse(processed, inputs: str | None) -> pd.DataFrame | None:
    """The reuse table in ``processed`` when it was made from ``inputs`` (and its CSV is there)."""
    import json

    import pyarrow.parquet as pq

    path = processed / "reuse.parquet"
    if inputs is None or not path.exists() or not path.with_suffix(".csv").exists():
        return None
    try:
        metadata = pq.read_schema(path).metadata or {}
        if json.loads(metadata.get(b"ipanalysis_reuse", b"{}")).get("inputs") != inputs:
            return None
        return pq.ParquetFile(path).read().to_pandas()
    except (OSError, ValueError):
        return None
