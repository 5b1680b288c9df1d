# %% [markdown]
# # 01 · Corpus overview
#
# **Question: what plans are in the corpus, how are they built, and how completely does the parse
# account for them?** Before comparing themes, workloads or targets, a reader needs the plans at a
# glance: who issued them and when, how many numbered measures each has and how they are grouped,
# how many units each measure names and whether a lead unit is named, which plans set deadlines,
# and how long the plans are.
#
# Every number below comes from the built tables (`ipanalysis build`); figures are saved to
# `figures/` in Chinese (`_zh`) and English (`_en`).

# %%
import os
from pathlib import Path

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import overview, quality

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")  # label language of the figures shown here

corpus = ipanalysis.load_corpus(PROCESSED)
corpus

# %% [markdown]
# ## The plans
# Metadata read from each plan's own text (header tables, notice title, cover letter).

# %%
overview.metadata_table(corpus)

# %% [markdown]
# ## Measures per plan and per section

# %%
overview.plan_summary(corpus)

# %%
figures.show("overview_measures_per_plan", corpus, LANG, FIGURES)

# %%
figures.show("overview_measures_per_section", corpus, LANG, FIGURES)

# %% [markdown]
# ## Responsible units per measure, and lead units
# A measure may name one unit or a dozen; a named lead unit (牵头) makes accountability explicit.

# %%
figures.show("overview_units_per_measure", corpus, LANG, FIGURES)

# %%
figures.show("overview_lead_share", corpus, LANG, FIGURES)

# %% [markdown]
# ## Deadlines
# Only Dongli prints a deadline for each measure (`2021年12月底前完成` or `持续推进`).

# %%
overview.deadline_summary(corpus)

# %%
figures.show("overview_deadlines", corpus, LANG, FIGURES)

# %% [markdown]
# ## Text length

# %%
figures.show("overview_text_length", corpus, LANG, FIGURES)

# %% [markdown]
# ## Parse quality
# Share of the body text inside measures, measures without units, targets found, and the warnings
# the parser left (the same report as `ipanalysis check`). Chongqing's warnings record the
# characters lost to the garbled GBK spans of the source page.

# %%
quality.quality_report(corpus)
