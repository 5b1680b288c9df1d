def annotate(rows, region_level=None):
    for r in rows:
        r["agency"] = "unmapped"; r["agency_zh"] = None; r["agency_en"] = None
