"""The codebook people read: the decision rules; every stage, fine theme and policy instrument with
its definition, terms (and weights), two real example measures from the corpus; the phrases read as
one word and the contexts in which a term makes no code; as Markdown, and as .docx. Definitions,
terms, phrases and exclusions come from the data files the coding reads, so the codebook says what
the coding does."""

from __future__ import annotations

from pathlib import Path

from ..rules.datafiles import read_lines, read_records
from ..rules.lexicon import instrument_rules, instrument_terms, lexicon, theme_definitions

__all__ = ["codebook_markdown", "write_codebook", "DECISION_RULES"]

DECISION_RULES = """\
- A measure is coded from its own text, its unit brackets removed; section titles are never read.
- Terms are read as words: a term counts only where it starts and ends on a word boundary of the
  measure's segmentation (`交易` counts in `撮合交易`, not in `中国小家电交易会`). A phrase listed
  under *Phrases read as one word* hides the terms inside it; a term does not count inside one of
  the contexts listed under *Where a term makes no code* (an event or place name, a title, a cited
  document, a list of fields, a verb).
- A theme's score is the sum over its terms of (occurrences × weight); its share is the score over
  the scores at the same level. The dominant stage has the highest score; a tie goes to the stage
  whose first term comes earliest in the text.
- A measure with no stage term takes the stage of its best fine theme, else management, with score
  0 and `matched_terms = fallback`.
- A measure gets every instrument sub-tool whose terms weigh 1 or more together: a term weighs 1
  unless marked (`人才×0.5` counts only with another term of its sub-tool). A sub-tool with
  building verbs counts a term only in a clause (between , ; 。 :) that has one of them, so that
  the measure builds the carrier rather than names it. A measure with no sub-tool gets
  environment: institutional mechanisms.
- A researcher's override (`data/annotations/overrides.csv`) replaces the rule's codes of a measure.
"""


def _examples(corpus, ids: list[str], n: int = 2, width: int = 90) -> list[str]:
    text = corpus.measures.set_index("measure_id").text
    return [f"`{i}`: {str(text[i]).replace(chr(10), ' ')[:width]}…" for i in ids[:n] if i in text.index]


def _terms_text(terms) -> str:
    return "、".join(f"{t}×{w:g}" if w != 1 else t for t, w in terms)


def _with_examples(lines: list[str], corpus, ids: list[str]) -> list[str]:
    examples = _examples(corpus, ids)
    lines += ["- Examples:"] + [f"  - {e}" for e in examples] if examples else ["- Examples: none in this corpus"]
    return lines + [""]


def _theme_section(corpus, theme) -> list[str]:
    th = corpus.measure_themes
    rows = th[th.theme == theme.key]
    if theme.level == "stage":
        rows = rows[rows.dominant.astype(bool)]
    ids = rows.sort_values("score", ascending=False).measure_id.tolist()
    lines = [f"### {theme.key} — {theme.zh} / {theme.en}", "", f"- Definition: {theme_definitions()[theme.key]}",
             f"- Level: {theme.level}" + (f" (under {theme.parent})" if theme.parent else ""),
             f"- Terms: {_terms_text(theme.terms)}", f"- Measures coded: {rows.measure_id.nunique()}"]
    return _with_examples(lines, corpus, ids)


def _instrument_section(corpus, rule, weighted) -> list[str]:
    inst = corpus.measure_instruments
    ids = inst[(inst.instrument == rule.instrument) & (inst.subtool == rule.subtool)].measure_id.tolist()
    lines = [f"### {rule.instrument}:{rule.subtool} — {rule.subtool_zh} / {rule.subtool_en}", "",
             f"- Definition: {rule.definition}", f"- Terms: {_terms_text(weighted.terms)}"]
    if weighted.actions:
        lines.append(f"- Counts only in a clause with a building verb: {'、'.join(weighted.actions)}")
    lines.append(f"- Measures coded: {len(set(ids))}")
    return _with_examples(lines, corpus, ids)


def _exclusion_lines() -> list[str]:
    lines = ["## Phrases read as one word", "", "No term counts inside: " + "、".join(read_lines("coding_phrases.txt")),
             "", "## Where a term makes no code", ""]
    for r in read_records("coding_exclusions.csv"):
        term = "every term" if r["term"] == "*" else f"`{r['term']}`"
        scope = {"all": "", "stage": " (stages and themes)", "instrument": " (instruments)"}[r["scope"]]
        lines.append(f"- {term}{scope}: {r['reason']}; e.g. {r['example']} (context `{r['context']}`)")
    return lines + [""]


def codebook_markdown(corpus) -> str:
    """The codebook as Markdown: decision rules, stages, fine themes, instruments, exclusions."""
    themes = lexicon()
    lines = ["# Codebook", "", "## Decision rules", "", DECISION_RULES, "## IP-chain stages", ""]
    for theme in (t for t in themes if t.level == "stage"):
        lines += _theme_section(corpus, theme)
    lines += ["## Finer themes", ""]
    for theme in (t for t in themes if t.level != "stage"):
        lines += _theme_section(corpus, theme)
    lines += ["## Policy instruments (Rothwell & Zegveld: supply, environment, demand)", ""]
    for rule, weighted in zip(instrument_rules().itertuples(), instrument_terms()):
        lines += _instrument_section(corpus, rule, weighted)
    return "\n".join(lines + _exclusion_lines())


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
