"""Researcher overrides (``data/annotations/overrides.csv``): corrections to the coded stages and
instruments of single measures, applied after the plans are assembled."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from ..rules.datafiles import parse_csv_text
from ..tables.schema import TABLES, to_frame
from ..rules.lexicon import STAGES, instrument_rules, lexicon

__all__ = ["has_overrides", "read_overrides", "apply_overrides", "apply_overrides_file"]


def has_overrides(path) -> bool:
    """Whether the override file exists and holds at least one row below its header (no pandas)."""
    from pathlib import Path

    try:
        _, rows = parse_csv_text(Path(path).read_text(encoding="utf-8-sig"), str(path))
    except (OSError, UnicodeDecodeError, ValueError):
        return Path(path).exists()  # unreadable or malformed: let read_overrides say why
    return bool(rows)


def read_overrides(path) -> pd.DataFrame:
    """The override file (``measure_id, dimension, code, note``); empty when it does not exist."""
    from pathlib import Path

    import pandas as pd

    columns = ["measure_id", "dimension", "code", "note"]
    path = Path(path)
    if not path.exists():
        return pd.DataFrame(columns=columns)
    frame = pd.read_csv(path, dtype=str, comment="#", keep_default_na=False, encoding="utf-8-sig")
    missing = set(columns[:3]) - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    bad = frame[~frame["dimension"].isin(["instrument", "stage"])]
    if len(bad):
        raise ValueError(f"{path}: dimension must be 'instrument' or 'stage' (row {bad.index[0] + 2})")
    return frame


def apply_overrides(themes: pd.DataFrame, instruments: pd.DataFrame, overrides: pd.DataFrame,
                    measures: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Replace coded rows with the researcher's codes; return the tables and any problems found."""
    import pandas as pd

    problems = []
    known = set(measures["measure_id"])
    lex = {t.key: t for t in lexicon()}
    rules = instrument_rules()
    valid_tools = set(zip(rules.instrument, rules.subtool))
    meta = measures.set_index("measure_id")[["doc_id", "region"]]
    for (measure_id, dimension), group in overrides.groupby(["measure_id", "dimension"], sort=False):
        if measure_id not in known:
            problems.append(f"override for unknown measure '{measure_id}'")
            continue
        base = {"measure_id": measure_id, **meta.loc[measure_id].to_dict()}
        if dimension == "instrument":
            rows = []
            for code, note in zip(group["code"], group.get("note", [""] * len(group))):
                instrument, _, subtool = code.partition(":")
                if (instrument, subtool) not in valid_tools:
                    problems.append(f"override for {measure_id}: unknown instrument code '{code}'")
                    continue
                rows.append({**base, "instrument": instrument, "subtool": subtool,
                             "source": "override", "matched_terms": note or ""})
            if rows:
                instruments = instruments[instruments.measure_id != measure_id]
                instruments = pd.concat([instruments, pd.DataFrame(rows)], ignore_index=True)
        else:
            code = group["code"].iloc[-1]
            if code not in STAGES:
                problems.append(f"override for {measure_id}: unknown stage '{code}'")
                continue
            is_stage = (themes.measure_id == measure_id) & (themes.level == "stage")
            themes = themes.copy()
            themes.loc[is_stage, "dominant"] = False
            hit = is_stage & (themes.theme == code)
            if hit.any():
                themes.loc[hit, "dominant"] = True
                themes.loc[hit, "matched_terms"] = "override"
            else:
                t = lex[code]
                row = {**base, "theme": code, "theme_zh": t.zh, "theme_en": t.en, "level": "stage",
                       "parent": None, "score": 0.0, "share": 0.0, "dominant": True,
                       "matched_terms": "override"}
                themes = pd.concat([themes, pd.DataFrame([row])], ignore_index=True)
    order = {m: i for i, m in enumerate(measures["measure_id"])}
    themes = themes.sort_values("measure_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    instruments = instruments.sort_values("measure_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    return themes, instruments, problems


def apply_overrides_file(tables: dict, path, report) -> None:
    """Researcher overrides replace the coded themes and instruments (problems become warnings)."""
    import pyarrow as pa

    try:
        overrides = read_overrides(path)
    except ValueError as exc:
        report.warnings.append(str(exc))
        return
    if not len(overrides):
        return
    measures = tables["measures"].select(["measure_id", "doc_id", "region"]).to_pandas()
    themes_, instruments_, problems = apply_overrides(
        tables["measure_themes"].to_pandas(), tables["measure_instruments"].to_pandas(), overrides, measures)
    for name, frame in (("measure_themes", themes_), ("measure_instruments", instruments_)):
        tables[name] = pa.Table.from_pandas(to_frame(name, frame.to_dict("records")),
                                            schema=tables[name].schema, preserve_index=False)
        per_doc = frame["doc_id"].value_counts().to_dict()
        for doc_id, counts in report.row_counts.items():
            counts[TABLES.index(name)] = int(per_doc.get(doc_id, 0))
    report.warnings.extend(f"{path}: {p}" for p in problems)
