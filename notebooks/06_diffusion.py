# %% [markdown]
# # 06 · Where plans come from
#
# **Question: which measures of each plan are shared with another document, what does each plan
# take from its parent (the province or city above it), and which documents does the corpus cite
# most?** Local plans copy and adapt their parents' plans and each other, and cite the documents
# they implement. Reuse is found on the measures' own text (unit brackets and boilerplate left
# out): MinHash candidates on character 5-grams, then the share of text two measures share and the
# longest passages they share (`ipanalysis reuse`, run by `make`). Citations are the 《…》 titles and
# document numbers a plan prints, one key per cited document (`citations` table).

# %%
import os
from pathlib import Path

from IPython.display import Markdown

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import diffusion, findings

PROCESSED = Path(os.environ.get("IPANALYSIS_PROCESSED", "../data/processed"))
FIGURES = Path(os.environ.get("IPANALYSIS_FIGURES", "../figures"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")

corpus = ipanalysis.load_corpus(PROCESSED)
reuse = diffusion.load_reuse(corpus, PROCESSED)
print(f"{len(reuse)} measure pairs share at least half their text across documents")

# %% [markdown]
# ## Shared measures, the earlier document first
# One row per pair; a measure is linked to its earliest source and its two nearest predecessors,
# not to every copy of a template.

# %%
reuse.head(20)

# %%
figures.show("diffusion_reuse_by_date", corpus, LANG, FIGURES)

# %% [markdown]
# ## What each plan takes from its parent
# The parent documents are those of the plan's city and province in the corpus (none when the
# corpus holds no document of a region above it).

# %%
diffusion.taken_from_parent(corpus, reuse)

# %% [markdown]
# ## The documents the corpus cites most

# %%
diffusion.most_cited(corpus)

# %%
diffusion.cited_by_level(corpus)

# %% [markdown]
# ## What we found

# %%
parent = diffusion.taken_from_parent(corpus, reuse)
cited = diffusion.most_cited(corpus, 1)
sentences = [f"{reuse.measure_id_b.nunique()} measures in {reuse.doc_id_b.nunique()} plans share at least half "
             f"their text with a measure of an earlier document."]
with_parent = parent[parent.parent_documents > 0]
if len(with_parent):
    top = with_parent.sort_values("share_from_parent", ascending=False).iloc[0]
    sentences.append(f"Of the {len(with_parent)} plans whose parent documents are in the corpus, {top.plan} takes "
                     f"the most from them ({top.measures_from_parent} of {top.n_measures} measures).")
if len(cited):
    row = cited.iloc[0]
    sentences.append(f"The most cited document is {row.title or row.number} ({row.citing_plans} plans).")
Markdown(findings.bullets(sentences))
