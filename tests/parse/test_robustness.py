"""Property-based tests: random or mutated text never crashes the parser."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RAW, SEED_FILES

from ipanalysis.parse import parse_document
from ipanalysis.parse.targets import find_targets_in_text
from ipanalysis.parse.unit_groups import find_unit_groups
from ipanalysis.parse.units import parse_unit_group

SEED_TEXT = (RAW / SEED_FILES["Dongli"]).read_text(encoding="utf-8")
ALPHABET = st.sampled_from(list("一二三四五六七八九十()（）〔〕、,;:。1234567890.﹒ 区市局牵头负责配合责任单位知识产权年月达%件\n?"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(text: str):
    parsed = parse_document(text.encode("utf-8"), "x.txt")
    for row in parsed.tables["measures"]:
        assert row["line_start"] <= row["line_end"]
    return parsed


@SETTINGS
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=400))
def test_random_outline_text_never_crashes(text):
    if text.strip():
        _parse(text)


@SETTINGS
@given(st.data())
def test_mutated_seed_never_crashes(data):
    lines = SEED_TEXT.split("\n")
    for _ in range(data.draw(st.integers(1, 12))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "cut", "dup", "noise"]))
        if action == "drop":
            lines.pop(i)
        elif action == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        elif action == "dup":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i] + data.draw(st.text(alphabet=ALPHABET, max_size=20))
        if not lines:
            lines = ["x"]
    _parse("\n".join(lines))


@SETTINGS
@given(st.text(max_size=200))
def test_unit_and_target_parsers_accept_any_text(text):
    for group in find_unit_groups(text):
        parse_unit_group(group.content)
    find_targets_in_text(text)
