# %% [markdown]
# # 04 · Quantitative targets
#
# **Question: how ambitious is each plan, on what, and how do its numbers compare with the national
# 14th Five-Year IP plan?** Targets are read from goal sections and measures as numbers with units,
# comparators and years (`targets` table); indicators share keys across plans
# (`ipanalysis/data/indicators.csv`) and with the national benchmark
# (`ipanalysis/data/national_targets.csv`, 《“十四五”国家知识产权保护和运用规划》, 2021).

# %%
import os
from pathlib import Path

from IPython.display import Markdown

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import findings
from ipanalysis.analysis import targets as target_analysis
from ipanalysis.figures.style import label

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")

corpus = ipanalysis.load_corpus(PROCESSED)

# %% [markdown]
# ## The targets (bilingual indicator labels)

# %%
t = corpus.targets.copy()
t["indicator_zh"] = t.indicator_key.map(lambda k: label(k, "zh") if isinstance(k, str) else None)
t["indicator_en"] = t.indicator_key.map(lambda k: label(k, "en") if isinstance(k, str) else None)
t[["doc_id", "region", "kind", "indicator", "indicator_en", "value", "unit", "comparator", "comparator_zh", "year",
   "line"]]

# %% [markdown]
# ## Against the national plan
# Commitments only (`kind == commitment`: subsidies and caps are not targets). Ratios only for
# intensities in the same unit (per capita, shares, rates): a county's count of patents is not
# comparable with the nation's, nor a satisfaction percentage with a score out of 100.

# %%
target_analysis.national_comparison(corpus)

# %%
figures.show("targets_vs_national", corpus, LANG, FIGURES)

# %% [markdown]
# ## How quantified is each plan?
# Targets stated, those stated inside measures, and the share of measures with a number (95%
# bootstrap interval in `share_with_number_lo`, `share_with_number_hi`).

# %%
target_analysis.quantification(corpus)

# %% [markdown]
# ## Target years and horizons

# %%
target_analysis.horizons(corpus)

# %% [markdown]
# ## What we found

# %%
Markdown(findings.bullets(findings.target_findings(corpus)))
