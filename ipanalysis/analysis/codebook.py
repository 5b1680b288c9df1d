"""The codebook people read: every stage, fine theme and policy instrument with its terms, two real
example measures from the corpus, and the decision rules; as Markdown, and as .docx."""

from __future__ import annotations

from pathlib import Path

from ..rules.lexicon import instrument_rules, lexicon

__all__ = ["codebook_markdown", "write_codebook", "DECISION_RULES"]

DECISION_RULES = """\
- A measure is coded from its own text, its unit brackets removed; section titles are never read.
- A theme's score is the sum over its terms of (occurrences × weight); its share is the score over
  the scores at the same level. The dominant stage has the highest score; a tie goes to the stage
  whose first term comes earliest in the text.
- A measure with no stage term takes the stage of its best fine theme, else management, with score
  0 and `matched_terms = fallback`.
- A measure gets every instrument sub-tool one of whose terms it contains; a measure with none gets
  environment: institutional mechanisms.
- A researcher's override (`data/annotations/overrides.csv`) replaces the rule's codes of a measure.
"""


def _examples(corpus, ids: list[str], n: int = 2, width: int = 90) -> list[str]:
    text = corpus.measures.set_index("measure_id").text
    return [f"`{i}`: {str(text[i]).replace(chr(10), ' ')[:width]}…" for i in ids[:n] if i in text.index]


def _theme_section(corpus, theme) -> list[str]:
    th = corpus.measure_themes
    rows = th[th.theme == theme.key]
    if theme.level == "stage":
        rows = rows[rows.dominant.astype(bool)]
    ids = rows.sort_values("score", ascending=False).measure_id.tolist()
    terms = "、".join(f"{t}×{w:g}" if w != 1 else t for t, w in theme.terms)
    lines = [f"### {theme.key} — {theme.zh} / {theme.en}", "",
             f"- Level: {theme.level}" + (f" (under {theme.parent})" if theme.parent else ""),
             f"- Terms: {terms}", f"- Measures coded: {rows.measure_id.nunique()}"]
    examples = _examples(corpus, ids)
    lines += ["- Examples:"] + [f"  - {e}" for e in examples] if examples else ["- Examples: none in this corpus"]
    return lines + [""]


def _instrument_section(corpus, rule) -> list[str]:
    inst = corpus.measure_instruments
    ids = inst[(inst.instrument == rule.instrument) & (inst.subtool == rule.subtool)].measure_id.tolist()
    lines = [f"### {rule.instrument}:{rule.subtool} — {rule.subtool_zh} / {rule.subtool_en}", "",
             f"- Terms: {rule.terms.replace('|', '、')}", f"- Measures coded: {len(set(ids))}"]
    examples = _examples(corpus, ids)
    lines += ["- Examples:"] + [f"  - {e}" for e in examples] if examples else ["- Examples: none in this corpus"]
    return lines + [""]


def codebook_markdown(corpus) -> str:
    """The codebook as Markdown: decision rules, stages, fine themes, instruments."""
    themes = lexicon()
    lines = ["# Codebook", "", "## Decision rules", "", DECISION_RULES, "## IP-chain stages", ""]
    for theme in (t for t in themes if t.level == "stage"):
        lines += _theme_section(corpus, theme)
    lines += ["## Finer themes", ""]
    for theme in (t for t in themes if t.level != "stage"):
        lines += _theme_section(corpus, theme)
    lines += ["## Policy instruments (Rothwell & Zegveld: supply, environment, demand)", ""]
    for rule in instrument_rules().itertuples():
        lines += _instrument_section(corpus, rule)
    return "\n".join(lines)


def write_codebook(corpus, out: Path) -> list[Path]:
    """``codebook.md`` and ``codebook.docx`` in ``out``."""
    import docx

    from ..tables.atomic import atomic_write

    out = Path(out)
    text = codebook_markdown(corpus)
    md = atomic_write(out / "codebook.md", lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    document = docx.Document()
    for line in text.splitlines():
        if line.startswith("#"):
            document.add_heading(line.lstrip("# "), level=min(line.count("#", 0, 4), 3))
        elif line.strip():
            document.add_paragraph(line.strip().lstrip("- "), style="List Bullet" if line.lstrip().startswith("- ")
                                   else None)
    return [md, atomic_write(out / "codebook.docx", lambda tmp: document.save(tmp))]
