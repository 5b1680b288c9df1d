"""Checking the coding with human coders: a coding sheet, inter-coder reliability, and overrides.

``coding_sheet(corpus)`` lays out measures for coders (measure id, plan, text, blank columns for
the stage and the instruments, the codebook's labels as choices); ``write_coding_sheet`` writes it
as an Excel workbook (with drop-down lists) and a CSV. ``reliability(sheets)`` reads two or more
filled sheets and reports, per dimension (stage; each instrument type as present or absent),
Cohen's κ for every pair of coders (scikit-learn) and Krippendorff's α over all coders (the
``krippendorff`` package), with the automatic coding as one more coder, the confusion matrices and
the list of disagreements. ``sheet_to_overrides`` turns a filled sheet into override rows
(``data/annotations/overrides.csv``).
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from ..rules.lexicon import STAGES, instrument_rules
from .plans import plan_labels

__all__ = ["coding_sheet", "write_coding_sheet", "read_sheet", "automatic_coding", "reliability",
           "agreement", "subtools", "sheet_to_overrides", "INSTRUMENTS", "AUTOMATIC"]

INSTRUMENTS = ("supply", "environment", "demand")
AUTOMATIC = "automatic"


def coding_sheet(corpus, measures: list[str] | None = None, sample: int | None = None, seed: int = 0) -> pd.DataFrame:
    """One row per measure to code (all, the ``measures`` given, or a random ``sample``): blank
    ``stage`` and ``instruments`` columns (instruments as ``supply:talent_training`` codes or bare
    types, separated by ``;``) and a ``note``."""
    m = corpus.measures
    if measures is not None:
        m = m[m.measure_id.isin(measures)]
    if sample is not None and sample < len(m):
        m = m.sample(n=sample, random_state=seed).sort_index()
    labels = plan_labels(corpus.documents)
    return pd.DataFrame({"measure_id": m.measure_id.values, "plan": m.doc_id.map(labels).values,
                         "text": m.text.values, "stage": "", "instruments": "", "note": ""})


def write_coding_sheet(sheet: pd.DataFrame, out: Path) -> list[Path]:
    """``coding_sheet.xlsx`` (drop-down lists of the stage keys and instrument types, a codebook
    sheet of the labels) and ``coding_sheet.csv`` in ``out``."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..tables.atomic import atomic_write
    from ..tables.write import spreadsheet_safe, write_table_csv

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rules = instrument_rules()
    choices = pd.DataFrame({"dimension": ["stage"] * len(STAGES) + ["instrument"] * len(rules),
                            "code": list(STAGES) + [f"{i}:{t}" for i, t in zip(rules.instrument, rules.subtool)],
                            "label_en": [""] * len(STAGES) + list(rules.subtool_en),
                            "label_zh": [""] * len(STAGES) + list(rules.subtool_zh)})
    safe = sheet.map(lambda v: spreadsheet_safe(v) if isinstance(v, str) else v)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh, pd.ExcelWriter(fh, engine="openpyxl") as writer:
            safe.to_excel(writer, sheet_name="coding", index=False)
            choices.to_excel(writer, sheet_name="codebook", index=False)
            ws = writer.sheets["coding"]
            stage = DataValidation(type="list", formula1='"' + ",".join(STAGES) + '"', allow_blank=True)
            ws.add_data_validation(stage)
            stage.add(f"D2:D{len(sheet) + 1}")

    return [atomic_write(out / "coding_sheet.xlsx", write), write_table_csv(sheet, out / "coding_sheet.csv")]


def read_sheet(path) -> pd.DataFrame:
    """A filled coding sheet (xlsx or csv): measure_id, stage, instruments."""
    path = Path(path)
    frame = (pd.read_excel(path, sheet_name="coding", dtype=str) if path.suffix == ".xlsx"
             else pd.read_csv(path, dtype=str, encoding="utf-8-sig"))
    missing = {"measure_id", "stage", "instruments"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: not a coding sheet (missing columns {sorted(missing)})")
    frame = frame.fillna("")
    frame["stage"] = frame.stage.str.strip().str.lstrip("'")
    return frame[["measure_id", "stage", "instruments"]]


def automatic_coding(corpus) -> pd.DataFrame:
    """The project's own coding in the sheet's form (dominant stage; instrument codes)."""
    th = corpus.measure_themes
    stage = th[(th.level == "stage") & th.dominant.astype(bool)].set_index("measure_id").theme
    inst = corpus.measure_instruments.assign(code=lambda f: f.instrument + ":" + f.subtool)
    codes = inst.groupby("measure_id").code.apply(lambda s: ";".join(sorted(set(s))))
    ids = corpus.measures.measure_id
    return pd.DataFrame({"measure_id": ids.values, "stage": ids.map(stage).fillna("").values,
                         "instruments": ids.map(codes).fillna("").values})


def subtools(cell) -> set[str]:
    """The sub-tool keys of a sheet's instruments cell: codes separated by ``;`` or ``|``, each
    ``supply:talent_training`` or a bare key ``talent_training``."""
    codes = str(cell if isinstance(cell, str) else "").replace("；", ";").replace("|", ";").split(";")
    return {code.split(":")[-1].strip() for code in codes if code.strip()}


def _types(cell) -> set[str]:
    """The instrument types of a cell: of its sub-tools, or bare types (``supply``)."""
    kind = dict(zip(instrument_rules().subtool, instrument_rules().instrument))
    return {kind.get(code, code) for code in subtools(cell)}


def _f1(gold: list[set], found: list[set]) -> dict:
    """Precision, recall and F1 pooled over measures (micro-averaged) of multi-label codes."""
    tp = sum(len(g & f) for g, f in zip(gold, found))
    fp, fn = sum(len(f) for f in found) - tp, sum(len(g) for g in gold) - tp
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0}


def agreement(gold: pd.DataFrame, coding: pd.DataFrame) -> dict:
    """How well ``coding`` (e.g. :func:`automatic_coding`) agrees with a hand coding ``gold`` (a
    sheet: measure_id, stage, instruments) on the measures both code: ``n``, stage ``accuracy`` and
    Cohen's ``kappa``, and precision, recall and F1 of the instrument types and of the sub-tools
    (multi-label, pooled over measures)."""
    both = gold.merge(coding, on="measure_id", suffixes=("_gold", "_coding"))
    stage = both.stage_gold.astype(str), both.stage_coding.astype(str)
    return {"n": len(both), "stage_accuracy": float((stage[0] == stage[1]).mean()),
            "stage_kappa": _kappa(*stage),
            "type": _f1(list(both.instruments_gold.map(_types)), list(both.instruments_coding.map(_types))),
            "subtool": _f1(list(both.instruments_gold.map(subtools)), list(both.instruments_coding.map(subtools)))}


def _kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's κ of two codings of the same measures (scikit-learn); NaN where it is undefined: no
    measure, or one category in both codings (agreement by chance is then 1)."""
    from sklearn.metrics import cohen_kappa_score

    a, b = a.astype(str), b.astype(str)
    if len(a) == 0 or len(set(a) | set(b)) < 2:
        return float("nan")
    return float(cohen_kappa_score(a, b))


def _dimensions(coding: pd.DataFrame) -> dict[str, pd.Series]:
    out = {"stage": coding.set_index("measure_id").stage.replace("", np.nan)}
    types = coding.set_index("measure_id").instruments.map(_types)
    for instrument in INSTRUMENTS:
        out[instrument] = types.map(lambda t, i=instrument: i in t if t else np.nan)
    return out


def reliability(sheets: dict[str, pd.DataFrame], automatic: pd.DataFrame | None = None) -> dict:
    """Per dimension (stage; supply, environment, demand as present/absent): Cohen's κ per pair of
    coders, Krippendorff's α (nominal) over all coders, confusion matrices of each pair, and the
    disagreements. ``sheets`` maps a coder's name to a filled sheet (:func:`read_sheet`)."""
    import krippendorff

    coders = dict(sheets)
    if automatic is not None:
        coders[AUTOMATIC] = automatic
    ids = sorted(set.intersection(*(set(c.measure_id) for c in coders.values())))
    dims = {name: _dimensions(c[c.measure_id.isin(ids)]) for name, c in coders.items()}
    kappa_rows, alpha_rows, confusion, disagreements = [], [], {}, []
    for dim in ("stage", *INSTRUMENTS):
        table = pd.DataFrame({name: d[dim].reindex(ids) for name, d in dims.items()})
        for a, b in combinations(table.columns, 2):
            both = table[[a, b]].dropna()
            kappa = _kappa(both[a], both[b])
            kappa_rows.append({"dimension": dim, "coder_a": a, "coder_b": b, "n": len(both),
                               "agreement": round(float((both[a] == both[b]).mean()), 4) if len(both) else np.nan,
                               "kappa": round(float(kappa), 4)})
            confusion[(dim, a, b)] = pd.crosstab(both[a].astype(str), both[b].astype(str))
        values = sorted({str(v) for v in table.stack().dropna()})
        codes = table.apply(lambda col: col.map(lambda v: values.index(str(v)) if pd.notna(v) else np.nan))
        data = codes.T.to_numpy(dtype=float)
        alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") if len(values) > 1 else np.nan
        alpha_rows.append({"dimension": dim, "coders": len(table.columns), "n": len(table.dropna(how="all")),
                           "alpha": round(float(alpha), 4)})
        for measure_id, row in table.iterrows():
            if row.dropna().astype(str).nunique() > 1:
                disagreements.append({"measure_id": measure_id, "dimension": dim,
                                      **{name: row[name] for name in table.columns}})
    return {"kappa": pd.DataFrame(kappa_rows), "alpha": pd.DataFrame(alpha_rows), "confusion": confusion,
            "disagreements": pd.DataFrame(disagreements)}


def sheet_to_overrides(sheet: pd.DataFrame, note: str = "coding sheet") -> pd.DataFrame:
    """Override rows (``measure_id, dimension, code, note``) from a filled sheet's codes."""
    rows = []
    for row in sheet.itertuples():
        if row.stage in STAGES:
            rows.append({"measure_id": row.measure_id, "dimension": "stage", "code": row.stage, "note": note})
        for code in str(row.instruments).replace("；", ";").split(";"):
            if ":" in code.strip():
                rows.append({"measure_id": row.measure_id, "dimension": "instrument", "code": code.strip(),
                             "note": note})
    return pd.DataFrame(rows, columns=["measure_id", "dimension", "code", "note"])
