# %% [markdown]
# # 03 · Unit workloads
#
# **Question: which agencies carry IP work in each plan, and how concentrated or diffuse is
# accountability?** Unit names differ by region, level and year (区市场监管局, 市知识产权局,
# 市工商局 …), so each named unit is mapped to an agency family shared across regions
# (`ipanalysis/data/agencies.csv`, which a researcher can extend).

# %%
import os
from pathlib import Path

from IPython.display import Markdown

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import findings, workloads

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")

corpus = ipanalysis.load_corpus(PROCESSED)

# %% [markdown]
# ## How raw unit names map to agencies

# %%
a = corpus.assignments
a.groupby(["agency", "agency_zh"]).unit.unique().map(lambda units: "、".join(sorted(units))).to_frame()

# %% [markdown]
# ## Workload per agency and plan
# Measures in which the agency leads, is responsible or cooperates, and its share of the plan's
# measures (95% bootstrap interval of the share in `share_any_lo`, `share_any_hi`).

# %%
w = workloads.agency_workload(corpus)
w.head(15)

# %%
figures.show("workloads_agency_heatmap", corpus, LANG, FIGURES)

# %% [markdown]
# ## Who answers for each measure
# Each measure in one class, the strongest its plan names: a named local unit that leads, is
# responsible or cooperates; collective placeholders only (各区县政府, 各成员单位); national units
# only; no unit. Shares of the plan's measures with 95% intervals.

# %%
figures.show("workloads_role_composition", corpus, LANG, FIGURES)

# %% [markdown]
# ## Which stages each agency serves
# The busiest local agencies over all plans, and the share of their measures by dominant stage.

# %%
workloads.agency_stages(corpus).round(2).head(12)

# %%
figures.show("workloads_agency_by_stage", corpus, LANG, FIGURES)

# %% [markdown]
# ## Concentration and diffuse accountability
# The largest accountable agency's share and the Herfindahl index over (measure, agency) pairs;
# share of measures whose only named local units are collective (member units, townships,
# districts, parks). National departments of a joint plan are left out (local workload only).
# Both shares carry their 95% bootstrap interval (`*_lo`, `*_hi`; the plan's measures resampled).

# %%
workloads.concentration(corpus)

# %% [markdown]
# ## Who works with whom: the co-assignment network
# Agencies named on the same measure are linked; line width is the number of shared measures
# (collective units left out).

# %%
workloads.network_summary(corpus)

# %%
figures.show("workloads_network_largest_plan", corpus, LANG, FIGURES)

# %% [markdown]
# ## What we found

# %%
Markdown(findings.bullets(findings.workload_findings(corpus)))
