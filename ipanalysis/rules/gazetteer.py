"""China's administrative divisions: the gazetteer, English region keys, and locating a plan's region.

The divisions and their codes are ``data/divisions.csv``: the Ministry of Civil Affairs' table of
division codes as of 2025-12-31 with the changes of 2026 (its header says where it comes from;
``scripts/make_divisions.py`` regenerates it). Divisions abolished or renamed before that (莱芜市,
渝北区) are kept in ``data/divisions_historical.csv``, so that older plans are still located; a
current division of the same name is preferred. Each record is placed: its province, its city
(the prefecture-level unit above it, or the municipality) and its parent, by code.

English keys (``data/division_keys.csv``) are the pinyin of the short name with corrected readings
(``data/place_readings.csv``) and are unique: where two divisions would share a key (苏州 and 宿州,
the two 通州区), they take their parent's key as well (``Suzhou_Jiangsu``, ``Tongzhou_Nantong``),
unless one of them is of a higher level than the others (中山市 keeps ``Zhongshan``).
Regenerate them with ``python -m ipanalysis.rules.gazetteer --write-division-keys``.
"""

from __future__ import annotations

from collections import Counter
import re
from functools import lru_cache
from pathlib import Path

from .datafiles import data_path, read_lines, read_records
from .literals import alternation

__all__ = ["gazetteer_records", "division", "locate_region", "place_names", "short_name", "base_key",
           "PROVINCE_SUFFIXES", "LEVEL_RANK", "locate_township", "locate_zone"]

PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("市", "地区", "盟")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")
PROVINCE_LEVELS = ("province", "municipality", "autonomous_region", "sar")
LEVEL_RANK = {"district": 0, "county": 0, "county_city": 0, "banner": 0, "forestry_area": 0,
              "special_district": 0, "prefecture_city": 1, "municipality": 2, "province": 3,
              "autonomous_region": 3, "sar": 3, "national": 4}


def short_name(name: str, suffixes=COUNTY_SUFFIXES) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _suffixes(level: str) -> tuple[str, ...]:
    if level in PROVINCE_LEVELS:
        return PROVINCE_SUFFIXES
    if level == "township":
        return TOWNSHIP_SUFFIXES
    if level == "development_zone":
        return tuple(_zone_kinds())
    return PREFECTURE_SUFFIXES if level == "prefecture_city" else COUNTY_SUFFIXES


@lru_cache(maxsize=1)
def gazetteer_records() -> tuple[dict, ...]:
    """Every division as a record: ``adcode``, ``name_zh``, ``short_zh``, ``level``, ``parent_zh``,
    ``province_zh``, ``city_zh`` (the prefecture-level unit or municipality it lies in, itself for a
    city, empty for a province), ``parent_adcode``, ``province_adcode``, ``region`` (English key) and
    ``current`` (False for a division abolished or renamed since, from ``divisions_historical.csv``)."""
    rows = {r["adcode"]: {**r, "current": True} for r in read_records("divisions.csv")}
    for r in read_records("divisions_historical.csv"):
        rows.setdefault(r["adcode"], {**r, "current": False})
    keys = {r["adcode"]: r["region"] for r in read_records("division_keys.csv")}
    records = []
    for code, r in rows.items():
        parent = rows.get(r["parent_adcode"])
        province = rows.get(r["province_adcode"]) or (r if r["level"] in PROVINCE_LEVELS else None)
        if r["level"] in ("prefecture_city", "municipality"):
            city = r
        elif parent is not None and parent["level"] in ("prefecture_city", "municipality"):
            city = parent
        else:
            city = None
        records.append({
            "adcode": code, "name_zh": r["name_zh"], "short_zh": short_name(r["name_zh"], _suffixes(r["level"])),
            "level": r["level"], "parent_zh": parent["name_zh"] if parent else "",
            "province_zh": province["name_zh"] if province else "", "city_zh": city["name_zh"] if city else "",
            "parent_adcode": r["parent_adcode"], "province_adcode": r["province_adcode"],
            "region": keys.get(code, ""), "current": r["current"],
        })
    return tuple(records)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, dict]:
    return {r["adcode"]: r for r in gazetteer_records()}


def division(adcode: str) -> dict | None:
    """The record of one division code."""
    return _by_code().get(adcode)


def base_key(name_zh: str, level: str) -> str:
    """The English key before disambiguation: 通州区 -> Tongzhou, 西安市 -> Xi'an, 长治市 -> Changzhi."""
    from pypinyin import lazy_pinyin

    readings = {r["name_zh"]: r["english"] for r in read_records("place_readings.csv")}
    if name_zh in readings:
        return readings[name_zh]
    syllables = lazy_pinyin(short_name(name_zh, _suffixes(level)))
    word = "".join(s if i == 0 or s[:1] not in "aoe" else "'" + s for i, s in enumerate(syllables))
    return word.replace("ü", "v").capitalize()


def _unique_keys(records) -> dict[str, str]:
    """adcode -> English key, unique over all divisions.

    Where divisions share a key, the one of the highest level keeps it alone (河北省 Hebei beside
    河北区 Hebei_Tianjin; 中山市 Zhongshan beside 中山区 Zhongshan_Dalian); the others, and all of
    them where several share the highest level (苏州市 Suzhou_Jiangsu, 宿州市 Suzhou_Anhui), take
    their parent's key too, and the division code where even that repeats.
    """
    base = {r["adcode"]: base_key(r["name_zh"], r["level"]) for r in records}
    groups: dict[str, list[dict]] = {}
    for r in records:
        groups.setdefault(base[r["adcode"]], []).append(r)
    keys = {}
    for key, group in groups.items():
        top = max(LEVEL_RANK.get(r["level"], 0) for r in group)
        keeps = [r for r in group if LEVEL_RANK.get(r["level"], 0) == top]
        for r in group:
            if len(group) == 1 or (len(keeps) == 1 and r is keeps[0]):
                keys[r["adcode"]] = key
            else:
                keys[r["adcode"]] = f"{key}_{base.get(r['parent_adcode'] or r['province_adcode'], 'China')}"
    repeated = Counter(keys.values())
    return {code: (f"{key}_{code}" if repeated[key] > 1 else key) for code, key in keys.items()}


def _issuing_body(title: str | None) -> str:
    """The issuing body printed before 关于 in a notice or reply title (empty without 关于)."""
    return title.split("关于")[0] if title and "关于" in title else ""


def locate_region(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """The most specific administrative division that issued the plan.

    Looked for, in turn, in the issuing body printed before 关于 in the title (a reply or notice
    names its subject after it), the title, and the issuer. Full names win over short ones (通州区
    over 通州); among divisions sharing a name (通州区 of Nantong and of Beijing) the one whose parent
    and province the text mentions most wins.
    """
    for source in (_issuing_body(title), title or "", issuer or ""):
        hits = _named_in(source.replace(" ", ""))
        if hits:
            return dict(_best_supported(hits, full_text))
    return None


# a township's government or street office as it signs a plan: 浔中镇人民政府, 龙华街道办事处
TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))(?:人民政府|政府|办事处)")


def locate_township(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """A township (镇, 乡, 街道) that issued the plan, which the gazetteer does not hold: its name as
    its government signs (in the issuing body before 关于, else the issuer), and its county, the
    division printed right before its name in the text (``德化县浔中镇人民政府``). The region key is
    the township's pinyin with its county's key (``Xunzhong_Dehua``); it has no division code."""
    found = TOWNSHIP.search(_issuing_body(title).replace(" ", "")) or TOWNSHIP.search((issuer or "").replace(" ", ""))
    if not found:
        return None
    name = _township_name(found[1])
    county = next((_best_supported(hits, full_text) for m in re.finditer(re.escape(name), full_text)
                   if (hits := _named_in(full_text[max(0, m.start() - 12):m.start()]))), None)
    key = base_key(name, "township")
    return {"name_zh": name, "level": "township", "adcode": "", "province_zh": county["province_zh"] if county else "",
            "city_zh": (county["city_zh"] or county["name_zh"]) if county else "",
            "county_zh": county["name_zh"] if county else "",
            "region": f"{key}_{county['region']}" if county else key}


@lru_cache(maxsize=1)
def _zone_kinds() -> dict[str, str]:
    """A functional zone's name ending -> its English key word (``data/zone_kinds.csv``), longest first."""
    rows = read_records("zone_kinds.csv")
    return {r["suffix"]: r["key"] for r in sorted(rows, key=lambda r: -len(r["suffix"]))}


@lru_cache(maxsize=1)
def _zone_name() -> re.Pattern:
    """A zone's name where it opens the issuing body, the title or the issuer (淮安经济技术开发区管委会)."""
    return re.compile(rf"^(?:关于印发)?((?!全|各|本|我|关于)[\u4e00-\u9fff]{{2,8}}?(?:国家级)?(?:{alternation(_zone_kinds())}))")


def locate_zone(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """A functional zone (经济技术开发区, 高新区, 工业园区, 新区 …: ``data/zone_kinds.csv``) that issued
    the plan, which the gazetteer does not hold: its name where it opens the issuing body before 关于,
    the title or the issuer, unless that name is a division's (浦东新区); a name that names no division
    must be printed with its administration (雄安新区管委会). Its parent is the last division its name
    names (``天津西青经济技术开发区`` -> 西青区; of 淮安市 and 淮安区, the city). The region key is the
    parent's key, else the zone's pinyin, and the zone's kind (``Huai'an_ETDZ``, ``Xiong'an_NewArea``)."""
    sources = (_issuing_body(title), title or "", issuer or "")
    name = next((m[1] for source in sources if (m := _zone_name().match(source.replace(" ", "")))), None)
    if not name or any(known == name for known, _ in _name_index()[0].get(name[0], ())):
        return None
    suffix = next(s for s in _zone_kinds() if name.endswith(s))
    parent = _zone_parent(name[:-len(suffix)].removesuffix("国家级"), full_text)
    if parent is None and not re.search(re.escape(name) + "(?:管委会|管理委员会|党工委)", full_text):
        return None  # 加快推进新区…: no place and no zone's administration
    own = base_key(name, "development_zone")
    return {"name_zh": name, "level": "development_zone", "adcode": "",
            "province_zh": (parent["province_zh"] or parent["name_zh"]) if parent else "",
            "city_zh": (parent["city_zh"] or parent["name_zh"]) if parent else "",
            "county_zh": parent["name_zh"] if parent and LEVEL_RANK.get(parent["level"], 0) == 0 else "",
            "region": f"{parent['region'] if parent else own}_{_zone_kinds()[suffix]}"}


def _zone_parent(stem: str, full_text: str) -> dict | None:
    """The division a zone's name names last (the highest level of two of one name), if any."""
    hits = _records_in(stem)
    if not hits:
        return None

    def place(r):
        return max(stem.rfind(r["name_zh"]), stem.rfind(r["short_zh"]) if len(r["short_zh"]) >= 2 else -1)

    last = max(map(place, hits))
    hits = [r for r in hits if place(r) == last]
    top = max(LEVEL_RANK.get(r["level"], 0) for r in hits)
    return _best_supported([r for r in hits if LEVEL_RANK.get(r["level"], 0) == top], full_text)


def _township_name(text: str) -> str:
    """The township's own name in what precedes its suffix: ``德化县浔中镇`` -> ``浔中镇``,
    ``人民政府粤海街道`` -> ``粤海街道``; ``新市镇`` stays whole (one character before its suffix)."""
    suffix = next(s for s in TOWNSHIP_SUFFIXES if text.endswith(s))
    stem = text[:-len(suffix)]
    cut = max((stem.rfind(mark) + len(mark) for mark in ("县", "区", "市", "旗", "政府") if mark in stem), default=0)
    return text[cut:] if len(stem) - cut >= 2 else text


NameIndex = dict[str, list[tuple[str, list[int]]]]  # first character -> (name, record positions)


@lru_cache(maxsize=1)
def _name_index() -> tuple[NameIndex, NameIndex]:
    """Where each name's divisions are in :func:`gazetteer_records`, by the name's first character:
    full names, and short names of two characters or more."""
    full: dict[str, list[int]] = {}
    short: dict[str, list[int]] = {}
    for position, r in enumerate(gazetteer_records()):
        full.setdefault(r["name_zh"], []).append(position)
        if len(r["short_zh"]) >= 2:
            short.setdefault(r["short_zh"], []).append(position)
    return _by_first_character(full), _by_first_character(short)


def _by_first_character(positions_by_name: dict[str, list[int]]) -> NameIndex:
    index: NameIndex = {}
    for name, positions in positions_by_name.items():
        index.setdefault(name[:1], []).append((name, positions))
    return index


OTHER_DIVISION = tuple("区县市旗")  # after a short name: another division of that name (合作区 is no 合作市)


def _records_named(source: str, index: NameIndex, short: bool = False) -> list[dict]:
    """The divisions (in gazetteer order) whose name occurs in ``source``: at each character, only
    the names that begin with it are compared, instead of searching the source for every name. A
    ``short`` name followed by a division's suffix names another division (``前海…合作区``: no 合作市)."""
    positions = {p for start, first in enumerate(source) for name, name_positions in index.get(first, ())
                 if source.startswith(name, start)
                 and not (short and source.startswith(OTHER_DIVISION, start + len(name))) for p in name_positions}
    records = gazetteer_records()
    return [records[p] for p in sorted(positions)]


def _records_in(source: str) -> list[dict]:
    """The divisions whose full names occur in ``source``, else those whose short names do."""
    full, short = _name_index()
    return _records_named(source, full) or _records_named(source, short, short=True)


def _named_in(source: str) -> list[dict]:
    if not source:
        return []
    hits = _records_in(source)
    if not hits:
        return []
    best = min(LEVEL_RANK.get(r["level"], 9) for r in hits)
    return [r for r in hits if LEVEL_RANK.get(r["level"], 9) == best]


def _best_supported(hits: list[dict], full_text: str) -> dict:
    if len(hits) == 1:
        return hits[0]

    def support(row):
        places = {row["parent_zh"], row["province_zh"]} - {""}
        shorts = {short_name(p, PROVINCE_SUFFIXES + ("地区", "盟")) for p in places}
        return sum(full_text.count(p) for p in places | shorts)

    return sorted(hits, key=lambda row: (support(row), row["current"]), reverse=True)[0]


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of China's divisions (full and short, two characters or more) and other place words
    (``data/place_words.txt``: 成渝, 长三角, 渝企 …)."""
    names = set(read_lines("place_words.txt"))
    for r in gazetteer_records():
        names.update((r["name_zh"], r["short_zh"]))
    return frozenset(n for n in names if len(n) >= 2)


def write_division_keys(path=None) -> int:
    """Regenerate ``data/division_keys.csv`` (unique English keys); return the row count."""
    import csv

    records = gazetteer_records()
    keys = _unique_keys(records)
    target = Path(path) if path else Path(str(data_path("division_keys.csv")))
    with target.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# English region keys of the divisions in divisions.csv: pinyin of the short name, title case,\n"
                 "# with the readings of place_readings.csv; unique (a key two divisions would share takes its\n"
                 "# parent's key too). Regenerate with: python -m ipanalysis.rules.gazetteer --write-division-keys\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["adcode", "name_zh", "region"])
        writer.writerows((r["adcode"], r["name_zh"], keys[r["adcode"]]) for r in records)
    return len(records)


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["--write-division-keys"]:
        gazetteer_records.cache_clear()
        print(f"wrote {write_division_keys()} division keys")
    else:
        print("usage: python -m ipanalysis.rules.gazetteer --write-division-keys")
