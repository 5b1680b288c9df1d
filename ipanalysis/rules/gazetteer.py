"""China's administrative divisions: the gazetteer, English region keys, and locating a plan's region.

The divisions and their codes come from the ``cpca`` package's adcode table (the national division
codes); the hierarchy follows from the codes. ``data/gazetteer.csv`` adds or fixes rows (English
keys, divisions created after the table was made); ``data/division_keys.csv`` holds the English
keys precomputed with pypinyin (regenerate with ``python -m ipanalysis.rules.gazetteer
--write-division-keys``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .datafiles import read_lines, read_records

__all__ = ["gazetteer_records", "english_key", "locate_region", "place_names", "short_name",
           "PROVINCE_SUFFIXES", "LEVEL_RANK"]

PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")


def short_name(name: str, suffixes) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _province_level(name: str) -> str:
    if name.endswith("特别行政区"):
        return "sar"
    if name.endswith("自治区"):
        return "autonomous_region"
    if name.endswith("市"):
        return "municipality"
    return "province"


def _county_level(name: str) -> str:
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "county"


@lru_cache(maxsize=1)
def gazetteer_records() -> tuple[dict, ...]:
    """China's administrative divisions (province, prefecture and county level), as records.

    The divisions and their codes come from the ``cpca`` package's adcode table (the national
    division codes); the hierarchy follows from the codes. ``data/gazetteer.csv`` adds or fixes
    rows (English keys, divisions created after the table was made).
    """
    import csv
    import importlib.util

    # locate the data file without importing cpca (whose matcher we do not need)
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'cpca' package (division codes) is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        codes = [(row["adcode"][:6], row["name"]) for row in csv.DictReader(fh)]
    names = dict(codes)
    rows = []
    for code, name in codes:
        province = names.get(code[:2] + "0000", "")
        if code.endswith("0000"):
            level, parent, short = _province_level(name), "", short_name(name, PROVINCE_SUFFIXES)
            province = name
        elif code.endswith("00"):
            level, parent, short = "prefecture_city", province, short_name(name, ("市", "地区", "盟"))
        else:
            parent = names.get(code[:4] + "00", province)
            if parent in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                parent = province
            level, short = _county_level(name), short_name(name, COUNTY_SUFFIXES)
        rows.append({"name_zh": name, "short_zh": short, "level": level, "province_zh": province,
                     "parent_zh": parent, "region": "", "adcode": code})
    keys = {r["adcode"]: r["region"] for r in read_records("division_keys.csv")}
    for r in rows:
        r["region"] = keys.get(r["adcode"], "")
    for extra in read_records("gazetteer.csv"):
        same = [r for r in rows if r["name_zh"] == extra["name_zh"] and r["province_zh"] == extra["province_zh"]]
        for r in same:
            r["region"] = extra["region"]
        if not same:
            rows.append({**extra, "adcode": ""})
    seen, unique = set(), []
    for r in rows:
        key = (r["name_zh"], r["province_zh"], r["parent_zh"])
        if key not in seen and r["name_zh"] not in ("市辖区", "县"):
            seen.add(key)
            unique.append(r)
    return tuple(unique)


def english_key(name_zh: str, level: str) -> str:
    """English region key from pinyin: 通州区 -> Tongzhou, 重庆市 -> Chongqing."""
    from pypinyin import lazy_pinyin

    suffixes = PROVINCE_SUFFIXES if level in ("province", "municipality", "autonomous_region", "sar") \
        else ("市", "地区", "盟") if level == "prefecture_city" else COUNTY_SUFFIXES
    short = short_name(name_zh, suffixes)
    return "".join(lazy_pinyin(short)).replace("ü", "v").title()


LEVEL_RANK = {"district": 0, "county": 0, "county_city": 0, "prefecture_city": 1,
              "municipality": 2, "province": 3, "autonomous_region": 3, "sar": 3}


def locate_region(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """The most specific administrative division named in the title (else the issuer).

    Full names win over short ones (通州区 over 通州); among divisions sharing a name (通州区 of
    Nantong and of Beijing) the one whose parent and province the text mentions most wins.
    """
    records = gazetteer_records()
    for source in (title or "", issuer or ""):
        source = source.replace(" ", "")
        hits = [r for r in records if r["name_zh"] in source]
        if not hits:
            hits = [r for r in records if len(r["short_zh"]) >= 2 and r["short_zh"] in source]
        if not hits:
            continue
        best = min(LEVEL_RANK.get(r["level"], 9) for r in hits)
        hits = [r for r in hits if LEVEL_RANK.get(r["level"], 9) == best]
        if len(hits) > 1:
            def support(row):
                places = {row["parent_zh"], row["province_zh"]} - {""}
                shorts = {short_name(p, PROVINCE_SUFFIXES + ("地区", "盟")) for p in places}
                return sum(full_text.count(p) for p in places | shorts)

            hits = sorted(hits, key=support, reverse=True)
        return dict(hits[0])
    return None

@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of China's divisions (full and short, two characters or more) and other place words
    (``data/place_words.txt``: 成渝, 长三角, 渝企 …)."""
    names = set(read_lines("place_words.txt"))
    for r in gazetteer_records():
        names.update((r["name_zh"], r["short_zh"]))
    return frozenset(n for n in names if len(n) >= 2)


def write_division_keys(path=None) -> int:
    """Regenerate ``data/division_keys.csv`` from the gazetteer with pypinyin; return the row count."""
    import csv

    from .datafiles import data_path

    rows = [(r["adcode"], r["name_zh"], english_key(r["name_zh"], r["level"]))
            for r in gazetteer_records() if r["adcode"]]
    target = Path(path) if path else Path(str(data_path("division_keys.csv")))
    with target.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# English region keys of the divisions in the gazetteer (pinyin of the short name, title\n"
                 "# case), precomputed with pypinyin so that a build needs no pinyin lookup for known divisions.\n"
                 "# Regenerate with: python -m ipanalysis.rules.gazetteer --write-division-keys\n")
        writer = csv.writer(fh)
        writer.writerow(["adcode", "name_zh", "region"])
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["--write-division-keys"]:
        print(f"wrote {write_division_keys()} division keys")
    else:
        print("usage: python -m ipanalysis.rules.gazetteer --write-division-keys")
