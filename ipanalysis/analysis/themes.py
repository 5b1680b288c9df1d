"""Comparing themes across plans: stage and fine-theme shares, instrument × stage matrices,
topics (TF-IDF + NMF), plan similarity and distinctive terms (keyness)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..rules.gazetteer import place_names
from ..rules.lexicon import STAGES, section_stage

__all__ = ["dominant_stage", "stage_membership", "fine_membership", "instrument_membership", "stage_shares", "fine_theme_shares", "instrument_shares",
           "instrument_stage_matrix", "section_agreement", "topics", "plan_similarity", "keyness"]


def dominant_stage(corpus) -> pd.Series:
    th = corpus.measure_themes
    return th[(th.level == "stage") & th.dominant].set_index("measure_id").theme


def stage_membership(corpus) -> pd.DataFrame:
    """measure_id × stage booleans: each measure's dominant stage (one True a coded measure)."""
    from .intervals import membership

    pairs = dominant_stage(corpus).rename("stage").reset_index()
    return membership(pairs, "stage", corpus.measures, STAGES)


def fine_membership(corpus) -> pd.DataFrame:
    """measure_id × fine theme booleans: the fine themes coded in each measure (not exclusive)."""
    from .intervals import membership

    th = corpus.measure_themes
    return membership(th[(th.level == "fine") & (th.score > 0)], "theme", corpus.measures)


def instrument_membership(corpus, level: str = "instrument") -> pd.DataFrame:
    """measure_id × instrument type (``level="instrument"``: supply, environment, demand) or sub-tool
    (``level="subtool"``, in the order of ``data/instrument_rules.csv``) booleans."""
    from .intervals import membership
    from ..rules.lexicon import instrument_rules

    keys = (["supply", "environment", "demand"] if level == "instrument"
            else list(instrument_rules().subtool))
    return membership(corpus.measure_instruments, level, corpus.measures, keys)


def stage_shares(corpus) -> pd.DataFrame:
    """Plan (``doc_id``) × stage: share of the plan's measures whose dominant stage it is (rows sum to 1)."""
    m = corpus.measures.assign(stage=corpus.measures.measure_id.map(dominant_stage(corpus)))
    out = m.groupby("doc_id").stage.value_counts(normalize=True).unstack(fill_value=0.0)
    return out.reindex(columns=list(STAGES), fill_value=0.0)


def fine_theme_shares(corpus) -> pd.DataFrame:
    """Plan × fine theme: share of the plan's measures coded with the theme (not exclusive)."""
    th = corpus.measure_themes[corpus.measure_themes.level == "fine"]
    n = corpus.measures.groupby("doc_id").size()
    counts = th.groupby(["doc_id", "theme"]).measure_id.nunique().unstack(fill_value=0)
    return counts.div(n, axis=0).fillna(0.0)


def instrument_shares(corpus) -> pd.DataFrame:
    """Plan × instrument: share of the plan's measures using at least one tool of the type."""
    inst = corpus.measure_instruments
    n = corpus.measures.groupby("doc_id").size()
    counts = inst.groupby(["doc_id", "instrument"]).measure_id.nunique().unstack(fill_value=0)
    return counts.div(n, axis=0).reindex(columns=["supply", "environment", "demand"], fill_value=0.0)


def instrument_stage_matrix(corpus, doc_id: str | None = None) -> pd.DataFrame:
    """Instrument × dominant stage: number of (measure, instrument) codes (one plan or all)."""
    inst = corpus.measure_instruments.drop_duplicates(["measure_id", "instrument"])
    if doc_id is not None:
        inst = inst[inst.doc_id == doc_id]
    inst = inst.assign(stage=inst.measure_id.map(dominant_stage(corpus)))
    out = inst.groupby(["instrument", "stage"]).size().unstack(fill_value=0)
    return out.reindex(index=["supply", "environment", "demand"], columns=list(STAGES), fill_value=0)


def section_agreement(corpus, doc_ids=None, min_stages: int = 3, min_share: float = 0.8) -> pd.DataFrame:
    """Measures under stage-titled sections: the section's stage beside the coded dominant stage.

    The section is the measure's subsection when it has one (``四(一)…(六)``), else its top-level
    section (``一…六``). Without ``doc_ids``, the plans compared are those organised by stage:
    at least ``min_share`` of their measures sit under a title that names a stage, and those titles
    name at least ``min_stages`` different stages. The coding never reads the titles, so they are
    an independent check.
    """
    m = corpus.measures.copy()
    title = m.subsection_title.where(m.subsection_title.notna(), m.section_title)
    m["section_stage"] = title.map(section_stage)
    if doc_ids is None:
        by_plan = m.groupby("doc_id").section_stage
        organised = (by_plan.apply(lambda s: s.notna().mean()) >= min_share) & (by_plan.nunique() >= min_stages)
        doc_ids = organised[organised].index
    m = m[m.doc_id.isin(list(doc_ids)) & m.section_stage.notna()]
    m["coded_stage"] = m.measure_id.map(dominant_stage(corpus))
    m["agree"] = m.section_stage == m.coded_stage
    return m[["measure_id", "doc_id", "region", "number", "heading", "section_stage", "coded_stage", "agree"]]


# ---------------------------------------------------------------------------------------------
# unsupervised view


def _tfidf(docs: list[str], **kwargs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=str.split, sublinear_tf=True, **kwargs)
    return vectorizer, vectorizer.fit_transform(docs)


def topics(corpus, n_topics: int = 6, n_words: int = 8, random_state: int = 0):
    """NMF topics over measure tokens (TF-IDF). Returns ``(top words table, plan × topic weights)``;
    both empty when the corpus has too few measures or shared words to find topics in."""
    from sklearn.decomposition import NMF

    m = corpus.measures[corpus.measures.tokens.fillna("").str.len() > 0]
    n_topics = max(1, min(n_topics, len(m) - 1))
    empty = (pd.DataFrame(columns=["topic", "top_words"]), pd.DataFrame())
    if len(m) < 3:
        return empty
    try:
        vectorizer, x = _tfidf(m.tokens.tolist(), min_df=2)
    except ValueError:  # no word occurs in two measures
        return empty
    n_topics = min(n_topics, x.shape[1])
    model = NMF(n_components=n_topics, init="nndsvd", random_state=random_state, max_iter=500)
    weights = model.fit_transform(x)
    vocab = np.array(vectorizer.get_feature_names_out())
    table = pd.DataFrame({
        "topic": [f"T{k + 1}" for k in range(n_topics)],
        "top_words": [" ".join(vocab[np.argsort(row)[::-1][:n_words]]) for row in model.components_],
    })
    doc_topic = pd.DataFrame(weights, columns=table.topic, index=m.doc_id.values)
    doc_topic = doc_topic.div(doc_topic.sum(axis=1).replace(0, 1), axis=0)
    return table, doc_topic.groupby(level=0).mean()


def plan_similarity(corpus) -> pd.DataFrame:
    """Plan × plan cosine similarity of the plans' TF-IDF vectors (all measure tokens)."""
    from sklearn.metrics.pairwise import cosine_similarity

    docs = corpus.measures.groupby("doc_id").tokens.apply(lambda s: " ".join(s.fillna("")))
    docs = docs[docs.str.strip().str.len() > 0]
    if docs.empty:
        return pd.DataFrame()
    _, x = _tfidf(docs.tolist())
    return pd.DataFrame(cosine_similarity(x), index=docs.index, columns=docs.index)


def keyness(corpus, n_terms: int = 10, prior_scale: float = 0.01,
            drop_place_names: bool = True) -> pd.DataFrame:
    """Distinctive terms per plan: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words": for each plan against all other plans,
    delta = log-odds of the term in the plan minus in the rest, each smoothed by a prior
    proportional to the term's corpus frequency (``prior_scale`` × corpus counts); the z-score
    delta / sqrt(variance) ranks terms. Returns the top ``n_terms`` per plan (``doc_id``). Place names
    (重庆, 成渝's parts, 渝中 …) are dropped unless ``drop_place_names`` is false: they say which plan a
    term comes from, not what it is about.
    """
    from collections import Counter

    places = place_names() if drop_place_names else frozenset()
    counts = {r: Counter(t for t in " ".join(s.fillna("")).split() if t not in places)
              for r, s in corpus.measures.groupby("doc_id").tokens}
    vocab = sorted(set().union(*counts.values())) if counts else []
    if not vocab:
        return pd.DataFrame(columns=["doc_id", "term", "z", "count"])
    mat = pd.DataFrame({r: [c[w] for w in vocab] for r, c in counts.items()}, index=vocab, dtype=float)
    total = mat.sum(axis=1)
    alpha = total * prior_scale * (len(vocab) / max(total.sum(), 1)) * 10
    alpha = alpha.clip(lower=0.01)
    a0 = alpha.sum()
    rows = []
    for region in mat.columns:
        y_i, y_j = mat[region], total - mat[region]
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1 / (y_i + alpha) + 1 / (y_j + alpha)
        z = (delta / np.sqrt(var)).sort_values(ascending=False)
        for term, score in z.head(n_terms).items():
            rows.append({"doc_id": region, "term": term, "z": round(float(score), 3),
                         "count": int(y_i[term])})
    return pd.DataFrame(rows)
