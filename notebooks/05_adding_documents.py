# %% [markdown]
# # 05 · Adding a plan
#
# **Question: how does a researcher add a new plan, and how does it show up in the comparisons?**
#
# In the project itself this is one step: put the file (`.txt`, `.html`, `.docx` or `.pdf`) into
# `data/raw/` and run `make`, or run `ipanalysis add FILE`, which copies it under a clear name
# (never overwriting) and rebuilds. Every table, figure and notebook then includes it.
#
# This notebook shows the same steps in a scratch folder, so that running it never changes
# `data/raw/`. The added plan is a short **example written for this walkthrough** (not a real
# government document), saved as a web page the way a site would offer it.

# %%
import os
import shutil
import tempfile
from pathlib import Path

import ipanalysis
from ipanalysis import figures
from ipanalysis.analysis import intervals, quality
from ipanalysis.analysis import themes as theme_analysis
from ipanalysis.corpus.add import add_files

RAW = Path(os.environ.get("IPANALYSIS_RAW", "../data/raw"))
LANG = os.environ.get("IPANALYSIS_LANG", "en")

scratch = Path(tempfile.mkdtemp(prefix="ipanalysis-walkthrough-"))
raw = scratch / "raw"
out = scratch / "processed"
shutil.copytree(RAW, raw)
before = ipanalysis.build(raw, out, jobs=1)  # the corpus as it was
print(f"{len(before.corpus.documents)} plans, {len(before.corpus.measures)} measures")

# %% [markdown]
# ## A new plan, as a saved web page

# %%
example_lines = [
    "常州市武进区知识产权工作要点(示例)",
    "一、强化知识产权保护",
    "1.开展商标侵权专项整治,严厉打击假冒注册商标行为。(区市场监管局牵头,公安武进分局配合)",
    "2.健全知识产权纠纷多元化解机制,推进诉调对接。(区法院、区司法局按职责分工负责)",
    "二、促进知识产权运用",
    "3.推动知识产权质押融资,到2025年质押融资金额突破10亿元。(区金融监管局、区市场监管局按职责分工负责)",
    "4.新增国家知识产权优势示范企业5家。(区市场监管局负责)",
]
page = ("<html><head><meta charset='utf-8'><title>武进区人民政府</title></head><body>"
        "<nav>首页 &gt; 政务公开</nav><div class='content'>"
        + "".join(f"<p>{line}</p>" for line in example_lines)
        + "</div><footer>网站声明 | 联系我们</footer></body></html>")
download = scratch / "武进 知识产权 工作要点.html"
download.write_text(page, encoding="utf-8")
add_files([download], raw)

# %% [markdown]
# ## Rebuild: only the new plan is parsed, the others come from the cache

# %%
after = ipanalysis.build(raw, out, jobs=1)
print(f"parsed {after.parsed}, from cache {len(after.cached)}, errors {after.errors}")
corpus = ipanalysis.load_corpus(out)
corpus.documents[["region", "region_zh", "province_zh", "admin_level", "title", "n_measures", "n_targets"]]

# %% [markdown]
# ## The new plan in the tables

# %%
new_id = corpus.documents.loc[corpus.documents.region_zh == "武进区", "doc_id"].iloc[0]
corpus.assignments[corpus.assignments.doc_id == new_id][["measure_id", "unit", "agency", "role"]]

# %%
corpus.targets[corpus.targets.doc_id == new_id][["indicator", "value", "unit", "comparator", "year"]]

# %%
quality.quality_report(corpus)

# %% [markdown]
# ## … and in the comparisons

# %%
intervals.with_intervals(intervals.plan_shares(theme_analysis.stage_membership(corpus), corpus.measures))

# %%
figures.show("overview_corpus_profile", corpus, LANG)

# %%
shutil.rmtree(scratch)
