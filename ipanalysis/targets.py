def extract_targets(doc_id, region, lines, measures, sections, default_year=None):
    return []
