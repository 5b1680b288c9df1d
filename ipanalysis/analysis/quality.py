"""Quality report per plan: how much of the plan the parse accounts for, and what it could not do."""

from __future__ import annotations

import pandas as pd

__all__ = ["quality_report"]


def quality_report(corpus) -> pd.DataFrame:
    """Per plan: body text covered by measures, measures without units, targets, warnings."""
    m = corpus.measures
    rows = []
    for doc in corpus.documents.itertuples():
        dm = m[m.doc_id == doc.doc_id]
        measure_chars = int(dm.text.str.len().sum()) if len(dm) else 0
        warnings = [w for w in str(doc.warnings or "").split(" | ") if w and w != "<NA>"]
        rows.append({
            "region": doc.region,
            "file": doc.file,
            "n_measures": int(doc.n_measures),
            "measure_text_share": round(measure_chars / doc.n_chars, 3) if doc.n_chars else 0.0,
            "measures_without_units": int((dm.n_units == 0).sum()),
            "n_targets": int(doc.n_targets),
            "n_warnings": len(warnings),
            "first_warning": warnings[0][:80] if warnings else "",
        })
    return pd.DataFrame(rows)
