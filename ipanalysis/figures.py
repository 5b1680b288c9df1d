"""The standard figures. Each is a function ``(corpus, lang) -> Figure`` registered under a file name
that says what it shows; :func:`draw_all` (the ``ipanalysis figures`` command) draws every one in
each language as PNG (300 dpi) and PDF."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import overview, target_analysis, theme_analysis, workloads
from .plots import (DOUBLE_COLUMN, SINGLE_COLUMN, label, region_colors, region_label, save_figure,
                    set_theme)
from .themes import STAGES

__all__ = ["FIGURES", "register", "draw_all", "draw", "show"]

FIGURES: dict[str, Callable] = {}
STAGE_COLORS = dict(zip(STAGES, ["#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377"]))
ROLE_COLORS = {"lead": "#08306B", "responsible": "#4292C6", "cooperating": "#C6DBEF"}


def register(name: str):
    def wrap(func):
        FIGURES[name] = func
        return func
    return wrap


# ---------------------------------------------------------------------------------------------
# helpers


def _regions(corpus) -> list[str]:
    """Regions in a stable display order (by period start, then name)."""
    docs = corpus.documents.sort_values(["date_written", "region"], na_position="last")
    return docs.region.tolist()


def _region_axis_labels(corpus, lang) -> dict[str, str]:
    return region_label(corpus.documents, lang)


def _region_context(corpus, lang, present=None):
    """``(regions in display order, region -> label, region -> colour)``, limited to ``present``."""
    present = None if present is None else set(present)
    regions = [r for r in _regions(corpus) if present is None or r in present]
    return regions, _region_axis_labels(corpus, lang), region_colors(regions)


def _bar_by_region(corpus, values: pd.Series, lang: str, ylabel: str, fmt: str = "{:.0f}", ax=None):
    regions = [r for r in _regions(corpus) if r in values.index]
    colors = region_colors(regions)
    names = _region_axis_labels(corpus, lang)
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    bars = ax.bar([names[r] for r in regions], [values[r] for r in regions], color=[colors[r] for r in regions])
    for bar, r in zip(bars, regions):
        ax.annotate(fmt.format(values[r]), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=6, xytext=(0, 1), textcoords="offset points")
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", rotation=0)
    return ax.figure


def _stacked_barh(ax, ticks: list[str], table: pd.DataFrame, colors: dict, lang: str,
                  percent_labels: bool = False):
    """Horizontal bars stacked over ``table``'s columns (one bar per row, labelled ``ticks``)."""
    left = np.zeros(len(table))
    for key in table.columns:
        values = table[key].to_numpy(dtype=float)
        ax.barh(ticks, values, left=left, color=colors[key], label=label(key, lang))
        if percent_labels:
            dark = sum(int(colors[key].lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) < 400
            for y, (x0, v) in enumerate(zip(left, values)):
                if v >= 0.07:
                    ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=5.5,
                            color="white" if dark else "black")
        left += values
    ax.invert_yaxis()


def _share_heatmap(frame: pd.DataFrame, regions, names, lang, extra_width: float):
    """Keys (rows, labelled in ``lang``) × regions: shares of each region's measures."""
    frame = frame.copy()
    frame.index = [label(k, lang) for k in frame.index]
    frame.columns = [names[r] for r in regions]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + extra_width, 0.2 * len(frame) + 0.85))
    _heatmap(frame, ax, cbar_label=label("share_of_measures", lang), vmax=1)
    return fig


def _panel_grid(n: int, panel_height: float, ncols: int = 3):
    """A figure of ``n`` small multiples, ``ncols`` a row; unused panels are hidden."""
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(DOUBLE_COLUMN, panel_height * nrows + 0.4), squeeze=False,
                             layout="constrained")
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    return fig, list(axes.flat)[:n]


def _heatmap(frame: pd.DataFrame, ax, fmt=".0%", cmap="Blues", cbar_label=None, vmax=None):
    import seaborn as sns

    sns.heatmap(frame.astype(float), ax=ax, cmap=cmap, annot=True, fmt=fmt, annot_kws={"fontsize": 5.5},
                linewidths=0.4, linecolor="white", vmin=0, vmax=vmax,
                cbar_kws={"label": cbar_label, "shrink": 0.8} if cbar_label else {"shrink": 0.8})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="both", length=0)
    ax.tick_params(axis="y", rotation=0)


# ---------------------------------------------------------------------------------------------
# 01 corpus overview


@register("overview_measures_per_plan")
def measures_per_plan(corpus, lang):
    values = corpus.documents.set_index("region").n_measures.astype(int)
    fig = _bar_by_region(corpus, values, lang, label("n_measures", lang))
    fig.axes[0].set_title(label("measures", lang) + (" (按规划)" if lang == "zh" else " per plan"))
    return fig


@register("overview_measures_per_section")
def measures_per_section(corpus, lang):
    table = overview.measures_per_section(corpus)
    regions, names, colors = _region_context(corpus, lang, set(table.region))
    fig, axes = plt.subplots(1, len(regions), figsize=(DOUBLE_COLUMN, 2.6), sharex=True, squeeze=False)
    for ax, region in zip(axes[0], regions):
        t = table[table.region == region].reset_index(drop=True)
        if lang == "zh":
            ticks = [f"{s} {(str(title) if pd.notna(title) else '').replace('知识产权', '')[:8]}"
                     for s, title in zip(t.section, t.section_title)]
        else:
            ticks = [f"{label('section', lang)} {s}" for s in t.section]
        ax.barh(ticks[::-1], t.n_measures.iloc[::-1], color=colors[region])
        ax.set_title(names[region])
        ax.tick_params(axis="y", labelsize=5.5)
        ax.set_xlabel(label("n_measures", lang))
    fig.tight_layout()
    return fig


@register("overview_units_per_measure")
def units_per_measure(corpus, lang):
    import seaborn as sns

    data = overview.units_per_measure(corpus)
    regions, names, _ = _region_context(corpus, lang, set(data.region))
    data = data.assign(name=data.region.map(names))
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    palette = {names[r]: c for r, c in region_colors(regions).items()}
    order = [names[r] for r in regions]
    sns.boxplot(data=data, x="name", y="n_units", hue="name", order=order, palette=palette, ax=ax,
                fliersize=0, linewidth=0.6, legend=False)
    sns.stripplot(data=data, x="name", y="n_units", order=order, color="black", size=1.8, jitter=0.25, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel(label("units_per_measure", lang))
    return fig


@register("overview_lead_share")
def lead_share(corpus, lang):
    summary = overview.plan_summary(corpus).set_index("region")
    fig = _bar_by_region(corpus, summary.lead_share.astype(float), lang, label("lead_share", lang), fmt="{:.0%}")
    fig.axes[0].set_ylim(0, 1)
    fig.axes[0].yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    return fig


@register("overview_deadlines")
def deadlines(corpus, lang):
    table = overview.deadline_summary(corpus)
    regions, names, _ = _region_context(corpus, lang, table.index)
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    colors = {"dated": "#0072B2", "ongoing": "#56B4E9", "no_deadline": "#DDDDDD"}
    _stacked_barh(ax, [names[r] for r in regions], table.loc[regions], colors, lang)
    ax.set_xlabel(label("n_measures", lang))
    ax.legend(frameon=False, loc="lower right")
    return fig


@register("overview_text_length")
def text_length(corpus, lang):
    values = corpus.documents.set_index("region").n_chars.astype(int)
    return _bar_by_region(corpus, values, lang, label("text_length", lang), fmt="{:,.0f}")


# ---------------------------------------------------------------------------------------------
# 02 themes


@register("themes_stage_shares")
def stage_shares(corpus, lang):
    shares = theme_analysis.stage_shares(corpus)
    regions, names, _ = _region_context(corpus, lang, shares.index)
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 2.4))
    _stacked_barh(ax, [names[r] for r in regions], shares.loc[regions, list(STAGES)], STAGE_COLORS, lang,
                  percent_labels=True)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(label("share_of_measures", lang) + (" (主导环节)" if lang == "zh" else " (dominant stage)"))
    ax.legend(ncol=6, frameon=False, loc="upper center", bbox_to_anchor=(0.5, 1.18))
    return fig


@register("themes_fine_heatmap")
def fine_heatmap(corpus, lang):
    shares = theme_analysis.fine_theme_shares(corpus)
    regions, names, _ = _region_context(corpus, lang, shares.index)
    frame = shares.loc[regions].T
    frame = frame.loc[frame.max(axis=1).sort_values(ascending=False).index]
    return _share_heatmap(frame, regions, names, lang, extra_width=1.2)


@register("themes_instrument_by_stage")
def instrument_by_stage(corpus, lang):
    regions = _regions(corpus)
    names = _region_axis_labels(corpus, lang)
    panels = [(None, "全部" if lang == "zh" else "All plans")] + [(r, names[r]) for r in regions]
    fig, axes = _panel_grid(len(panels), 2.2)
    for ax, (region, title) in zip(axes, panels):
        matrix = theme_analysis.instrument_stage_matrix(corpus, region)
        matrix.index = [label(i, lang) for i in matrix.index]
        matrix.columns = [label(s, lang) for s in matrix.columns]
        import seaborn as sns

        sns.heatmap(matrix, ax=ax, cmap="Greens", annot=True, fmt="d", annot_kws={"fontsize": 5},
                    cbar=False, linewidths=0.4, linecolor="white")
        ax.set_title(title, fontsize=7)
        ax.tick_params(labelsize=5, length=0)
        ax.tick_params(axis="x", rotation=0 if lang == "zh" else 35)
        if lang != "zh":
            plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
        ax.set_xlabel("")
        ax.set_ylabel("")
    return fig


@register("themes_plan_similarity")
def plan_similarity(corpus, lang):
    sim = theme_analysis.plan_similarity(corpus)
    regions, names, _ = _region_context(corpus, lang, sim.index)
    frame = sim.loc[regions, regions]
    frame.index = frame.columns = [names[r] for r in regions]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.8))
    _heatmap(frame, ax, fmt=".2f", cmap="Purples", cbar_label=label("similarity", lang), vmax=1)
    return fig


@register("themes_keyness")
def keyness_bars(corpus, lang):
    table = theme_analysis.keyness(corpus, n_terms=8)
    regions, names, colors = _region_context(corpus, lang, set(table.region))
    fig, axes = plt.subplots(1, len(regions), figsize=(DOUBLE_COLUMN, 2.4), squeeze=False)
    for ax, region in zip(axes[0], regions):
        t = table[table.region == region]
        ax.barh(t.term[::-1], t.z[::-1], color=colors[region])
        ax.set_title(names[region])
        ax.tick_params(axis="y", labelsize=6)
        ax.set_xlabel(label("keyness", lang) if region == regions[len(regions) // 2] else "")
    fig.tight_layout()
    return fig


@register("themes_topics_by_region")
def topics_by_region(corpus, lang):
    table, weights = theme_analysis.topics(corpus)
    regions, names, _ = _region_context(corpus, lang, weights.index)
    frame = weights.loc[regions]
    frame.index = [names[r] for r in regions]
    frame.columns = [f"{t}: {' '.join(w.split()[:3])}" for t, w in zip(table.topic, table.top_words)]
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 2.4))
    _heatmap(frame, ax, cmap="Oranges", cbar_label=label("mean_topic_weight", lang))
    ax.tick_params(axis="x", rotation=20, labelsize=6)
    return fig


# ---------------------------------------------------------------------------------------------
# 03 unit workloads


def _top_agencies(w: pd.DataFrame, n: int = 16) -> list[str]:
    return w.groupby("agency").share_any.max().sort_values(ascending=False).head(n).index.tolist()


@register("workloads_agency_heatmap")
def agency_heatmap(corpus, lang):
    w = workloads.agency_workload(corpus)
    regions, names, _ = _region_context(corpus, lang, set(w.region))
    agencies = _top_agencies(w, 18)
    frame = w.pivot_table(index="agency", columns="region", values="share_any", fill_value=0.0)
    return _share_heatmap(frame.loc[agencies, regions], regions, names, lang, extra_width=1.6)


@register("workloads_roles_by_agency")
def roles_by_agency(corpus, lang):
    w = workloads.agency_workload(corpus)
    totals = w.groupby("agency")[["n_lead", "n_responsible", "n_cooperating"]].sum()
    totals = totals.loc[totals.sum(axis=1).sort_values(ascending=False).index[:16]]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.2, 3.2))
    totals.columns = ["lead", "responsible", "cooperating"]
    _stacked_barh(ax, [label(a, lang) for a in totals.index], totals, ROLE_COLORS, lang)
    ax.set_xlabel(label("n_measures", lang) + (" (五个规划合计)" if lang == "zh" else " (all plans)"))
    ax.legend(frameon=False, loc="lower right")
    return fig


@register("workloads_concentration")
def concentration(corpus, lang):
    c = workloads.concentration(corpus).set_index("region")
    regions, names, _ = _region_context(corpus, lang, c.index)
    metrics = ["top_share", "hhi", "collective_only_share"]
    fig, axes = plt.subplots(1, 3, figsize=(DOUBLE_COLUMN, 2.3), sharey=True)
    colors = region_colors(regions)
    for ax, metric in zip(axes, metrics):
        values = c.loc[regions, metric].astype(float)
        ax.barh([names[r] for r in regions], values, color=[colors[r] for r in regions])
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:.2f}", va="center", fontsize=6)
        ax.set_title(label(metric, lang), fontsize=7)
        ax.set_xlim(0, max(0.05, values.max() * 1.35))
    axes[0].invert_yaxis()
    fig.tight_layout()
    return fig


def _draw_network(ax, g, lang, title, color, layout="circular"):
    """Nodes sized by measures; edges by co-assignments. Circular layout (largest agency first,
    clockwise by size) keeps plans comparable; ``kamada_kawai`` shows one plan's structure."""
    import networkx as nx

    if g.number_of_nodes() == 0:
        ax.axis("off")
        return
    order = sorted(g.nodes, key=lambda n: (-g.nodes[n]["measures"], n))
    if layout == "circular":
        pos = nx.circular_layout(order)
    else:
        pos = nx.kamada_kawai_layout(g, weight=None)
    sizes = [40 + 22 * g.nodes[n]["measures"] for n in g.nodes]
    widths = [0.3 + 0.6 * g.edges[e]["weight"] for e in g.edges]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=color, alpha=0.85, linewidths=0)
    nx.draw_networkx_labels(g, pos, ax=ax, labels={n: label(n, lang) for n in g.nodes}, font_size=4.5,
                            font_family=plt.rcParams["font.sans-serif"][0])
    ax.set_title(title, fontsize=7)
    ax.margins(x=0.35, y=0.12)
    ax.axis("off")


@register("workloads_network_largest_plan")
def network_largest(corpus, lang):
    summary = workloads.network_summary(corpus)
    region = summary.sort_values(["nodes", "edges"], ascending=False).region.iloc[0]
    g = workloads.co_assignment_graph(corpus, region)
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 4.6))
    names = _region_axis_labels(corpus, lang)
    _draw_network(ax, g, lang, names[region], region_colors([region])[region], layout="kamada_kawai")
    return fig


@register("workloads_network_by_plan")
def network_by_plan(corpus, lang):
    regions = _regions(corpus)
    names = _region_axis_labels(corpus, lang)
    colors = region_colors(regions)
    fig, axes = _panel_grid(len(regions), 2.5)
    summary = workloads.network_summary(corpus).set_index("region")
    for ax, region in zip(axes, regions):
        g = workloads.co_assignment_graph(corpus, region)
        s = summary.loc[region]
        extra = (f"节点 {s.nodes}, 密度 {s.density:.2f}" if lang == "zh" else f"{s.nodes} agencies, density {s.density:.2f}")
        _draw_network(ax, g, lang, f"{names[region]}\n{extra}", colors[region])
    return fig


# ---------------------------------------------------------------------------------------------
# 04 quantitative targets


@register("targets_vs_national")
def targets_vs_national(corpus, lang):
    comp = target_analysis.national_comparison(corpus)
    comp = comp[comp.comparable & comp.ratio.notna()]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.4, 0.35 * max(len(comp), 1) + 0.9))
    if comp.empty:
        ax.text(0.5, 0.5, "无可比目标" if lang == "zh" else "No comparable targets", ha="center", va="center")
        ax.axis("off")
        return fig
    regions = list(dict.fromkeys(comp.region))
    colors = region_colors(regions)
    names = _region_axis_labels(corpus, lang)
    ticks = [f"{names[r]} · {label(k, lang)}" for r, k in zip(comp.region, comp.indicator_key)]
    ax.barh(ticks, comp.ratio, color=[colors[r] for r in comp.region])
    for y, row in enumerate(comp.itertuples()):
        ax.text(row.ratio, y, f" {row.value:g}{row.unit} / {row.value_2025:g}{row.national_unit}",
                va="center", fontsize=5.5)
    ax.axvline(1, color="black", linewidth=0.6, linestyle="--")
    ax.invert_yaxis()
    ax.set_xlim(0, comp.ratio.max() * 1.5)
    ax.set_xlabel(label("ratio_to_national", lang))
    ax.tick_params(axis="y", labelsize=6)
    return fig


@register("targets_quantification")
def quantification(corpus, lang):
    q = target_analysis.quantification(corpus).set_index("region")
    fig, axes = plt.subplots(1, 2, figsize=(DOUBLE_COLUMN, 2.4))
    _bar_by_region(corpus, q.n_targets.astype(int), lang, label("targets_per_plan", lang), ax=axes[0])
    _bar_by_region(corpus, q.share_with_number.astype(float), lang, label("share_with_number", lang),
                   fmt="{:.0%}", ax=axes[1])
    axes[1].yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0, decimals=0))
    fig.tight_layout()
    return fig


@register("targets_horizons")
def target_horizons(corpus, lang):
    h = target_analysis.horizons(corpus).set_index("region")
    regions, names, colors = _region_context(corpus, lang, h.index)
    t = corpus.targets.dropna(subset=["year"])
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.0, 2.4))
    for y, region in enumerate(regions):
        row = h.loc[region]
        written = pd.to_datetime(row.date_written).year if pd.notna(row.date_written) else None
        if pd.notna(row.period_start) and pd.notna(row.period_end):
            ax.plot([row.period_start - 0.4, row.period_end + 0.4], [y, y], color=colors[region], linewidth=5,
                    alpha=0.35, solid_capstyle="butt", label=label("period", lang) if y == 0 else None)
        if written:
            ax.plot([written], [y], marker="|", color="black", markersize=8)
        years = t[t.region == region].year.value_counts()
        for year, n in years.items():
            ax.scatter([year], [y], s=12 + 6 * n, color=colors[region], zorder=3)
            ax.annotate(str(n), (year, y), xytext=(5, 3), textcoords="offset points", fontsize=5.5)
    ax.set_yticks(range(len(regions)), [names[r] for r in regions])
    ax.invert_yaxis()
    ax.set_xlabel(label("year", lang))
    ax.xaxis.set_major_locator(plt.matplotlib.ticker.MaxNLocator(integer=True))
    note = "色条: 规划期; 竖线: 成文年份; 圆点: 目标年份(数字为目标数)" if lang == "zh" else \
        "band: plan period; tick: year written; dots: target years (number of targets)"
    ax.set_title(note, fontsize=6)
    return fig


# ---------------------------------------------------------------------------------------------
# drawing


def draw(name: str, corpus, lang: str):
    """One registered figure, styled."""
    set_theme()
    return FIGURES[name](corpus, lang)


def show(name: str, corpus, lang: str = "en", out=None, langs=("zh", "en")):
    """Draw a figure for display in ``lang``; with ``out``, also save it in every language."""
    if out is not None:
        for each in langs:
            save_figure(draw(name, corpus, each), name, out, each)
    return draw(name, corpus, lang)


def draw_all(processed="data/processed", out="figures", langs=("zh", "en"), progress=False,
             names=None) -> list[Path]:
    """Draw every registered figure in each language; return the files written.

    Any missing-glyph warning is turned into an error, so a figure with empty boxes never lands.
    """
    from .corpus import load_corpus

    corpus = load_corpus(processed)
    names = list(names or FIGURES)
    jobs = [(n, lang) for n in names for lang in langs]
    iterator = jobs
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(jobs, desc="figures", unit="figure")
    written = []
    for name, lang in iterator:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from.*")
            fig = draw(name, corpus, lang)
            written.extend(save_figure(fig, name, out, lang))
    return written
