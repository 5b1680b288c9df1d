# %% [markdown]
# # 02 · Themes and policy instruments
#
# **Question: what does each plan emphasise along the IP chain (创造、运用、保护、管理、服务、人才与文化),
# which policy instruments does it use, and how similar are the plans?**
#
# Each measure is coded from its own text with the project's theme lexicon
# (`ipanalysis/data/theme_lexicon.csv`): a theme's score is the weighted count of its terms, the
# stage with the highest score is the measure's dominant stage. Instruments (supply, environment,
# demand; Rothwell & Zegveld) come from `instrument_rules.csv`; a researcher's corrections in
# `data/annotations/overrides.csv` win and are marked. The coding is validated against the two
# plans that group their measures under stage titles.

# %%
import os
from pathlib import Path

from IPython.display import Markdown

import pandas as pd

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import findings
from ipanalysis.analysis import themes as theme_analysis

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")

corpus = ipanalysis.load_corpus(PROCESSED)

# %% [markdown]
# ## Stage profile per plan
# Share of each plan's measures whose dominant stage is the given stage (dots), and share of the
# plan's text in those measures (diamonds), each with its 95% bootstrap interval: a plan of 17
# measures cannot be told apart from another by a few points.

# %%
from ipanalysis.analysis import coding, intervals

ci = coding.stage_shares_ci(corpus)
intervals.with_intervals(ci, "stage", "by_measure")  # per cent of measures (95% interval)

# %%
figures.show("themes_stage_profile", corpus, LANG, FIGURES)

# %% [markdown]
# ## Does the coding agree with the plans' own stage headings?
# Some plans put their measures under stage titles (创造, 运用, 保护 …, as sections 一…六 or
# subsections (一)…(六)). The coding never reads those titles; for the plans organised this way
# they are an independent check.

# %%
agreement = theme_analysis.section_agreement(corpus)
print(f"agreement: {agreement.agree.mean():.1%} of {len(agreement)} measures "
      f"in {agreement.doc_id.nunique()} plan(s) organised by stage")
agreement[~agreement.agree]

# %% [markdown]
# ## Finer themes

# %%
figures.show("themes_fine_heatmap", corpus, LANG, FIGURES)

# %% [markdown]
# ## Policy instruments: the mix in each plan, its sub-tools, and the stages they serve
# Supply, environment and demand instruments (Rothwell & Zegveld): the share of each plan's
# measures using at least one tool of the type, then each sub-tool, with 95% intervals; then, over
# all plans, the share of each stage's measures that use each sub-tool (one colour scale).

# %%
intervals.with_intervals(intervals.plan_shares(theme_analysis.instrument_membership(corpus), corpus.measures))

# %%
figures.show("themes_instrument_mix", corpus, LANG, FIGURES)

# %%
figures.show("themes_instrument_subtools", corpus, LANG, FIGURES)

# %%
figures.show("themes_subtool_by_stage", corpus, LANG, FIGURES)

# %% [markdown]
# ## Why did a measure get its codes?
# Every code lists the terms that triggered it.

# %%
th = corpus.measure_themes
th[(th.measure_id == corpus.measures.measure_id.iloc[0])][["theme", "level", "score", "share", "dominant", "matched_terms"]]

# %% [markdown]
# ## Unsupervised view: topics, similarity, distinctive terms
# TF-IDF over the measures' tokens (jieba with the project's IP dictionary and stopwords), NMF
# topics, cosine similarity between plans, and keyness (log-odds ratio with an informative
# Dirichlet prior, Monroe et al. 2008). English figures translate the terms with
# `ipanalysis/data/glossary.csv` (a term it lacks is shown as pinyin with the Chinese).

# %%
topic_table, topic_weights = theme_analysis.topics(corpus)
topic_table

# %%
figures.show("themes_topics_by_plan", corpus, LANG, FIGURES)

# %%
figures.show("themes_plan_similarity", corpus, LANG, FIGURES)

# %%
figures.show("themes_keyness", corpus, LANG, FIGURES)

# %% [markdown]
# ## How sure are the shares, and do long measures tilt them?
# Shares by measure count every measure once; shares by text weight each measure by its length,
# and the intensity counts stage codes per 1,000 characters. A plan of long measures touches more
# themes per measure, so the two views can disagree. Use shares by measure to ask how a plan divides
# its tasks, shares by text to ask where its words go, the intensity to compare plans whose measures
# differ in length. The tables below list where the two views disagree beyond their 95% bootstrap
# intervals (the plan's measures resampled 1,000 times, fixed seed): a share whose two intervals do
# not overlap, or two stages (instrument types) ordered one way by measure and the other by text.

# %%
intervals.with_intervals(ci, "stage", "by_text")  # per cent of text (95% interval)

# %%
# where the two views disagree beyond their intervals (shares, or the order of two stages)
coding.view_disagreements(ci)

# %%
coding.view_disagreements(coding.instrument_shares_ci(corpus))

# %%
coding.stage_intensity(corpus)

# %% [markdown]
# ## What a term catches: keyword in context
# Before trusting a lexicon term, read it in its measures (`ipanalysis kwic 交易` does the same).

# %%
ipanalysis.kwic(corpus, "交易", window=12).head(10)

# %% [markdown]
# ## Regions over time
# Where a region issued two plans or more (a work-points plan every year, a multi-year plan and
# its annual points), its plans side by side in the order they were issued: size, leading stage,
# largest accountable agency, commitments. Empty when every region has one plan.

# %%
findings.regions_over_time(corpus)

# %%
figures.show("themes_stage_shares_over_time", corpus, LANG, FIGURES)

# %% [markdown]
# ## What we found
# Computed from the tables. Shares are by measure: a plan whose measures are long touches more
# themes per measure (see the caveats).

# %%
Markdown(findings.bullets(findings.caveats(corpus) + findings.theme_findings(corpus)))
