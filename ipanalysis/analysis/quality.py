"""Quality report per plan: how much of the plan the parse accounts for, and whether it looks wrong.

A parse is flagged (``flags``) when it shows the signs of a style the parser did not read:

* ``unit names hold label or role words``: a unit name contains a list label (牵头单位：), a role
  word (牵头, 配合, 会同 …, or one in brackets after it) or a separator (，；：), so a unit list
  was not split;
* ``most measures name no unit``: over half the measures have no unit;
* ``measures cover little of the text``: the measures hold under a fifth of the plan's body text;
* ``no measures in a plan``: a plan (by its title: 方案, 计划, 要点 …) yielded no measure; rules,
  notices and replies without tasks are noted, not flagged.

A user sees a bad parse in ``ipanalysis check`` before a figure is drawn from it.
"""

from __future__ import annotations

import re

import pandas as pd

from ..rules.document_types import document_type
from ..rules.roles import mentions_role_word, opens_unit_list, role_marker, split_joint

__all__ = ["quality_report", "suspect_unit"]

MAX_UNITS_WITHOUT = 0.5
MIN_TEXT_SHARE = 0.2


def suspect_unit(name: str) -> bool:
    """A unit name that still holds a label, a role word (牵头, 会同 …, also in brackets after it:
    市中院（牵头）) or a list separator outside its brackets: a unit list was not split."""
    outside = re.sub(r"[(（][^()（）]*[)）]", "", name)
    return bool(opens_unit_list(name) or re.search(r"[,，;；:：]", outside) or mentions_role_word(outside)
                or split_joint(outside) or role_marker(name)[1] is not None)


def _flags(n_measures: int, without_share: float, text_share: float, n_suspect: int, genre: str | None) -> list[str]:
    flags = []
    if n_suspect:
        flags.append(f"unit names hold label or role words ({n_suspect})")
    if n_measures and without_share > MAX_UNITS_WITHOUT:
        flags.append(f"most measures name no unit ({without_share:.0%})")
    if n_measures and text_share < MIN_TEXT_SHARE:
        flags.append(f"measures cover little of the text ({text_share:.0%})")
    if not n_measures and genre in (None, "plan"):
        flags.append("no measures in a plan")
    return flags


def quality_report(corpus) -> pd.DataFrame:
    """Per plan: body text covered by measures, measures without units, suspect unit names,
    targets, warnings, and the flags of a parse that looks wrong (empty when it looks right)."""
    m, a = corpus.measures, corpus.assignments
    suspect = a.loc[a.unit.map(suspect_unit).astype(bool)].groupby("doc_id").size()
    rows = []
    for doc in corpus.documents.itertuples():
        dm = m[m.doc_id == doc.doc_id]
        measure_chars = int(dm.text.str.len().sum()) if len(dm) else 0
        text_share = measure_chars / doc.n_chars if doc.n_chars else 0.0
        without = float((dm.n_units == 0).mean()) if len(dm) else 0.0
        warnings = [w for w in str(doc.warnings or "").split(" | ") if w and w != "<NA>"]
        kind = document_type(doc.title if isinstance(doc.title, str) else None)
        genre = kind["genre"] if kind else None
        flags = _flags(int(doc.n_measures), without, text_share, int(suspect.get(doc.doc_id, 0)), genre)
        rows.append({
            "doc_id": doc.doc_id,
            "region": doc.region,
            "file": doc.file,
            "genre": genre or "",
            "n_measures": int(doc.n_measures),
            "measure_text_share": round(min(text_share, 1.0), 3),
            "measures_without_units": int((dm.n_units == 0).sum()),
            "suspect_units": int(suspect.get(doc.doc_id, 0)),
            "n_targets": int(doc.n_targets),
            "n_warnings": len(warnings),
            "flags": "; ".join(flags),
            "first_warning": warnings[0][:80] if warnings else "",
        })
    return pd.DataFrame(rows)
