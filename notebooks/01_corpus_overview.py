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

from IPython.display import Markdown

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import findings, overview, quality

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")  # label language of the figures shown here

corpus = ipanalysis.load_corpus(PROCESSED)
corpus

# %% [markdown]
# ## The plans
# One row per plan, labelled by region and year (and type where two would share a label).
# Metadata is read from each plan's own text (header tables, notice title, cover letter); the
# region is placed by its division code (`adcode`), province and city.

# %%
overview.metadata_table(corpus)

# %% [markdown]
# **Before comparing**: where the plans are not like for like (computed from the tables).

# %%
Markdown(findings.bullets(findings.caveats(corpus)))

# %% [markdown]
# ## The corpus at a glance (Figure 1)
# Each plan's period and the year it was written, against the national Five-Year periods, with
# its type, level, measures and characters per measure: the figure a paper opens with.

# %%
figures.show("overview_corpus_profile", corpus, LANG, FIGURES)

# %% [markdown]
# ## Measures per plan and per section
# Numbers a table says better than a bar: measures, characters per measure, units per measure,
# share with a lead unit, targets, share of measures with a number, text length. Each share comes
# with its 95% bootstrap interval (`*_lo`, `*_hi`: the plan's measures resampled 1,000 times), and
# characters per measure leave out the unit parentheses, as the shares by text do.

# %%
overview.plan_summary(corpus)

# %%
overview.measures_per_section(corpus)

# %% [markdown]
# ## Responsible units per measure, and lead units
# A measure may name one unit or a dozen; a named lead unit (牵头) makes accountability explicit.

# %%
figures.show("overview_units_per_measure", corpus, LANG, FIGURES)

# %% [markdown]
# ## Deadlines
# Which plans give a deadline per measure, as a date (`2021年12月底前完成`) or a schedule
# (`持续推进`)?

# %%
overview.deadline_summary(corpus)

# %% [markdown]
# ## Parse quality
# Share of the body text inside measures, measures without units, targets found, and the warnings
# the parser left (the same report as `ipanalysis check`, whose `flags` column names a parse that
# looks wrong). Warnings also record characters lost in a damaged source page.

# %%
quality.quality_report(corpus)

# %% [markdown]
# ## What we found
# Computed from the tables; a paper can quote these with the caveats above.

# %%
Markdown(findings.bullets(findings.overview_findings(corpus)))
