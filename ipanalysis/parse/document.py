"""Parse one raw plan into table rows (documents, sections, measures, assignments, targets, ...).

``parse_document`` is a straight line of named steps: read → normalise → metadata → outline →
units → targets → themes → rows. It is a pure function of the file's bytes, its name and its
registry row, so that results can be cached by content hash and computed in any order or process.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..rules.agencies import annotate
from ..rules.document_types import document_type
from ..rules.outline import TASK_NUMBERS
from ..rules.roles import plan_first_lead_note, rest_role_note
from ..rules.sections import goals_part, section_kind
from ..rules.table_columns import plan_column_level
from ..tables.schema import ParsedDocument
from .metadata import DocumentMetadata, extract_metadata
from .normalise import Line, normalise_text
from .outline import OutlineItem, heading_units, paragraph_items, parse_outline, reference_items, select_measures
from .punctuation import publish_tables
from .read import read_document_text
from .tables import rewrite_tables
from .rows import assignment_rows, document_row, measure_row, section_rows
from .references import phase_deadlines, unit_task_lines
from .target_time import looks_ahead
from .targets import extract_targets
from .citations import extract_citations, link_keys
from .deadlines import deadline_in_text, phase_end
from .themes import code_measures, strip_units
from .tokens import content_tokens
from .unit_names import unit_name_map
from .wrapping import join_open_unit_brackets
from .same_units import carry_same_units, same_as_above, without_same_marks
from .subjects import reading_subjects
from .unit_columns import join_unit_columns
from .unit_groups import clear_unit_group_caches, find_unit_groups
from .units import parse_unit_group

__all__ = ["ParsedDocument", "parse_document", "doc_id_from_name", "REGISTRY_FIELDS"]

REGISTRY_FIELDS = ("region", "region_zh", "province_zh", "city_zh", "adcode", "admin_level", "issuer", "doc_number",
                   "title", "plan_type", "date_written", "date_published")
REGISTRY_YEARS = ("period_start", "period_end")
REGISTRY_SOURCE = ("source_url", "retrieved", "source_note")  # the data statement: only from the registry


def doc_id_from_name(name: str, digest: str) -> str:
    """A stable id from the file name: lower-case ASCII, Chinese characters in pinyin."""
    stem = Path(name).stem
    if re.search(r"[\u4e00-\u9fff]", stem):
        from pypinyin import lazy_pinyin

        stem = "_".join("".join(lazy_pinyin(part)) for part in re.split(r"[^\u4e00-\u9fff0-9A-Za-z]+", stem) if part)
    slug = re.sub(r"[^0-9A-Za-z]+", "_", stem).strip("_").lower()
    return slug or f"doc_{digest[:10]}"


def apply_registry(meta: DocumentMetadata, registry_row: dict) -> None:
    """A filled registry field overrides the value read from the text."""
    for key, value in registry_row.items():
        if key in REGISTRY_FIELDS:
            setattr(meta, key, value)
        elif key in REGISTRY_YEARS:
            setattr(meta, key, int(value))
        elif key in REGISTRY_SOURCE:
            meta.source[key] = value
        else:
            continue
        meta.provenance[key] = "registry"


def read_measures(body, genre: str | None) -> tuple[list[OutlineItem], list[OutlineItem], list[str], bool]:
    """``(outline roots, measures, warnings, prose units)`` of the plan's body.

    A plan (by its title's type) whose items name no unit in brackets, labels or unit sentences
    but whose tasks' clauses open with their units (``县市场监管局要会同县公安局…``) is read with
    those units (``prose units``: :func:`.subjects.reading_subjects`). A plan whose items name no
    unit at all is a reference document: its items (or, with nothing numbered, its paragraphs) are
    measures without units. Rules, notices and replies without units have no measures; an
    interpretation of another document (政策解读) has none at all.
    """
    roots = parse_outline(body)
    if genre == "interpretation":
        return roots, [], ["an interpretation of another document: the tasks and goals it reports are that "
                           "document's, so it has no measures and no targets"], False
    measures = select_measures(roots)
    if measures:
        return roots, measures, [], False
    if genre == "plan":
        with reading_subjects():
            prose_roots = parse_outline(body)
            prose_measures = select_measures(prose_roots, prose_units=True)
        if prose_measures:
            return prose_roots, prose_measures, ["no item names its units in brackets, labels or unit sentences: "
                                                 "units read from the subjects of the tasks' sentences"], True
        if roots:
            measures = reference_items(roots)
        else:
            roots = measures = paragraph_items(body)
        if measures:
            return roots, measures, ["no item names a responsible unit: built as a reference document, "
                                     f"its {len(measures)} items are measures without units"], False
    if not roots:
        return roots, measures, ["no numbered items found: the document has zero measures"], False
    kind = f"a {genre} document" if genre in ("rules", "notice") else "no numbered item names a responsible unit"
    return roots, measures, [f"{kind}: the document has zero measures"], False


def read_unit_groups(measures: list[OutlineItem], rest_role: str | None = None,
                     first_leads: bool = False) -> list[list[tuple]]:
    """Per measure, its unit groups as ``(group, mentions, deadline, raw line)``; a measure that
    names no unit takes those of the nearest heading above it that does (``(二)强化保护（责任单位：
    A、B）`` printed once over the items 1. 2. 3. below it, or ``以上工作由A牵头，B配合。`` after them).
    The units of a heading that is nothing but units (a plan by department: ``（一）区商务局``) do
    every item below it, beside the units the item names itself (``区财政局配合。``). A line that
    assigns tasks by number (``第(一)、(二)项任务由A牵头…``) is among the ``shared`` lines of each.
    ``rest_role``: the role the plan's note gives the units after the first of a list marked
    ``（第一个为牵头科室）`` (:func:`.rules.roles.rest_role_note`), or, with ``first_leads`` (the
    plan's note says so of every list), the units after the first of any list of responsible units."""
    def groups(paragraphs):
        return _unit_groups(paragraphs, rest_role, first_leads)

    def of_item(item):  # its own groups (a deadline alone, 完成时限：…, takes the shared lines' units)
        own = groups(item.paragraphs)
        if own and item.shared and not any(mentions for _, mentions, _, _ in own):
            return own + groups(item.shared)
        return own or groups(item.shared) or _heading_unit_groups(item, rest_role, first_leads)

    own = [_owners(item) + of_item(item) for item in measures]
    return carry_same_units(measures, own, [_same_above(item) for item in measures])


def _same_above(item: OutlineItem) -> str | None:
    """The deadline a task's ``（责任单位同上；完成时限：…）`` prints (``""`` for none), None without 同上."""
    rest = same_as_above(item.paragraphs[-1].text)
    return None if rest is None else (parse_unit_group(rest)[1] or "" if rest else "")


def _nearest_above(item: OutlineItem, find):
    """The first answer ``find`` gives for a heading above ``item``, nearest first (else None)."""
    parent = item.parent
    while parent is not None:
        found = find(parent)
        if found:
            return found
        parent = parent.parent
    return None


def _owners(item: OutlineItem) -> list[tuple]:
    def owner(heading: OutlineItem) -> list[tuple]:
        group = heading_units(heading)
        return [(group, *parse_unit_group(group.content), heading.paragraphs[0].raw_line)] if group else []

    return _nearest_above(item, owner) or []


def _unit_groups(paragraphs, rest_role: str | None = None, first_leads: bool = False) -> list[tuple]:
    groups = []
    for paragraph in paragraphs:
        for group in find_unit_groups(paragraph.text):
            mentions, deadline = parse_unit_group(without_same_marks(group.content), rest_role, first_leads)
            groups.append((group, mentions, deadline, paragraph.raw_line))
    return groups


def _heading_unit_groups(item: OutlineItem, rest_role: str | None = None, first_leads: bool = False) -> list[tuple]:
    def groups(heading: OutlineItem) -> list[tuple]:
        return _unit_groups(heading.paragraphs[:1] + heading.shared, rest_role, first_leads)

    return _nearest_above(item, groups) or []


def _phase_end(item: OutlineItem) -> str | None:
    return _nearest_above(item, lambda heading: phase_end(heading.title))


def notice_goals(cover: list[Line], sections: list[dict], as_of: tuple[int, int] | None) -> list[Line]:
    """The lines of the notice above a plan that state the plan's goals: its numbered goals part
    (``一、工作目标。…``), else, for a plan with no goals section of its own (a task table), its lines
    that speak of what is to come (``2024年，全市力争新增…``)."""
    goals = goals_part(cover)
    if goals or any(section_kind(s["title"]) == "goals" for s in sections):
        return goals
    return [line for line in cover if looks_ahead(line.text, as_of)]


def measure_tables(doc_id: str, region: str, measures, groups_per_measure, unit_map, texts: list[str],
                   reference: bool = False, year: int | None = None,
                   phased: dict[int, str] | None = None, this_year: int | None = None,
                   issued: str | None = None) -> tuple[list, list, list]:
    """``(measure rows, assignment rows, warnings)``: a measure's deadline is its first group's, else
    the one its text (``texts``: without its units) names, else the end of the phase a heading above
    it names (``（二）集中攻坚阶段（2024年5月—10月）``) or that names it by number (``phased``:
    :func:`.references.phase_deadlines`); a measure of a plan that names units but not for this
    measure gets a warning. ``year``: an annual plan's year, that of deadlines naming none;
    ``this_year``: the year the plan was written, that of ``年内完成``; ``issued``: its date, from which
    ``方案印发后3个月内`` counts."""
    measure_rows, assignments, warnings = [], [], []
    phased = phased or {}
    for seq, (item, groups, text) in enumerate(zip(measures, groups_per_measure, texts), start=1):
        deadline = (next((d for _, _, d, _ in groups if d), None) or _deadline_before_units_end(item, groups, text)
                    or _phase_end(item) or phased.get(id(item)))
        row = measure_row(doc_id, region, seq, f"{doc_id}-m{seq:03d}", item, deadline, year, this_year, issued)
        measure_rows.append(row)
        assignments.extend(assignment_rows(row, groups, unit_map))
        if not groups and not reference:
            warnings.append(f"measure {item.number} (line {item.line_start}) names no responsible unit")
    return measure_rows, assignments, warnings


def _deadline_before_units_end(item: OutlineItem, groups: list[tuple], text: str) -> str | None:
    """The deadline a measure's text names, unless only paragraphs after the one its units close name
    it: the task ended with its units, and the paragraph below the last task is the notice's closing
    demand (``各成员单位要…于2025年7月10日前…报送``), not the task's schedule."""
    deadline = deadline_in_text(text)
    own = [raw_line for *_, raw_line in groups if item.line_start <= raw_line <= item.line_end]
    if not deadline or not own:
        return deadline
    last = max(own)
    after = [p.text for p in item.paragraphs if p.raw_line > last]
    before = [p.text for p in item.paragraphs if p.raw_line <= last]
    return None if any(deadline in p for p in after) and not any(deadline in p for p in before) else deadline


def code_and_tokenise(measures: list[dict], texts: list[str]) -> tuple[list[dict], list[dict]]:
    """Theme and instrument rows of the measures, from their ``texts`` without units; adds each
    measure's ``tokens``."""
    theme_rows, instrument_rows = [], []
    for row, text in zip(measures, texts):  # one measure at a time: its segmentation serves both
        themes, instruments = code_measures([row], [text])
        theme_rows += themes
        instrument_rows += instruments
        row["tokens"] = " ".join(content_tokens(text))
    return theme_rows, instrument_rows


def parse_document(data: bytes, name: str, registry_row: dict | None = None) -> ParsedDocument:
    clear_unit_group_caches()  # they keep this plan's paragraphs only: no plan is timed with another's work
    digest = hashlib.sha256(data).hexdigest()
    doc_id = doc_id_from_name(name, digest)
    raw_text, encoding, fmt = read_document_text(data, name)
    norm = normalise_text(raw_text, encoding)
    registry_row = {k: v for k, v in (registry_row or {}).items() if v not in (None, "")}
    lines = norm.lines

    def plan_level():  # asked by a table whose unit columns name two levels
        return plan_column_level(registry_row.get("admin_level")
                                 or extract_metadata(lines, registry_row.get("region")).admin_level)

    tables_read = join_unit_columns(join_open_unit_brackets(rewrite_tables(lines, plan_level=plan_level)))
    norm.lines = unit_task_lines(tables_read)
    meta = extract_metadata(norm.lines, region_key=registry_row.get("region"))
    apply_registry(meta, registry_row)
    region = meta.region or doc_id
    body = norm.lines[meta.body_start:]
    kind = document_type(meta.title)
    roots, measures, outline_warnings, prose_units = read_measures(body, kind["genre"] if kind else None)
    with reading_subjects(prose_units):  # the units a plan names in its tasks' sentences alone
        measure_ids = {id(item): f"{doc_id}-m{seq:03d}" for seq, item in enumerate(measures, start=1)}
        body_text = "\n".join(line.text for line in body)
        first_leads, rest_role = plan_first_lead_note(body_text)
        groups = read_unit_groups(measures, rest_role if first_leads else rest_role_note(body_text), first_leads)
        local_units = [(m.unit_raw, line) for gs in groups for _, ms, _, line in gs for m in ms if m.level == "local"]
        unit_map, unit_warnings = unit_name_map(local_units, norm.repaired_lines)
        reference = not any(groups)
        texts = [strip_units(item.body) for item in measures]  # the measure rows' text, without units
        annual = meta.period_start if meta.period_start == meta.period_end else None
        phased = phase_deadlines(roots) if TASK_NUMBERS.search(body_text) else {}  # 完成第1、2项任务
        measure_rows, assignments, measure_warnings = measure_tables(doc_id, region, measures, groups, unit_map, texts,
                                                                     reference, annual, phased,
                                                                     meta.as_of[0] if meta.as_of else None,
                                                                     meta.date_written or meta.date_published)
        annotate(assignments)
        unmapped = sorted({r["unit"] for r in assignments if r["agency_source"] == "unmapped"})
        tables = {"sections": section_rows(doc_id, region, roots, measure_ids), "measures": measure_rows,
                  "assignments": assignments}
        tables["targets"] = [] if kind and kind["genre"] == "interpretation" else extract_targets(
            doc_id, region, body, measure_rows, tables["sections"], meta.as_of,  # 政策解读: another plan's goals
            notice_goals(norm.lines[:meta.body_start], tables["sections"], meta.as_of))
        tables["measure_themes"], tables["measure_instruments"] = code_and_tokenise(measure_rows, texts)
        tables["citations"] = link_keys(extract_citations(doc_id, region, norm.lines, meta.title, meta.doc_number))
    warnings = [*norm.warnings, *meta.warnings, *outline_warnings, *unit_warnings, *measure_warnings]
    if unmapped:
        warnings.append("units not mapped to an agency: " + "、".join(unmapped))
    tables["documents"] = [document_row(doc_id, name, digest, fmt, norm, meta, region, body, tables, warnings)]
    return ParsedDocument.from_rows(doc_id, name, publish_tables(tables))  # Chinese punctuation as published
