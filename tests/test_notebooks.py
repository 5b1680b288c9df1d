"""Every numbered notebook executes headless on a mixed corpus: two plans of one region, a city and
one of its districts, a province plan, a notice without tasks, Traditional-script plans."""

from pathlib import Path

import pytest

from ipanalysis.notebooks import execute_notebook, notebook_sources

NOTEBOOKS = notebook_sources()


def test_notebooks_are_numbered_and_paired_sources():
    names = [p.name for p in NOTEBOOKS]
    assert names == ["01_corpus_overview.py", "02_themes.py", "03_unit_workloads.py",
                     "04_quantitative_targets.py", "05_adding_documents.py", "06_diffusion.py"]
    for path in NOTEBOOKS:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# %% [markdown]")
        assert "**Question" in text.split("# %%\n")[0]  # each opens with the question it answers


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes(source, mixed_raw, mixed_dir, tmp_path):
    lang = "zh" if source.name.startswith(("01", "03")) else "en"
    nb = execute_notebook(source, env={
        "IPANALYSIS_RAW": str(mixed_raw),
        "IPANALYSIS_PROCESSED": str(mixed_dir),
        "IPANALYSIS_FIGURES": str(tmp_path / "figures"),
        "IPANALYSIS_LANG": lang,
    })
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    if "LANG, FIGURES)" in source.read_text(encoding="utf-8"):  # notebooks that save their figures
        assert list((tmp_path / "figures").glob("*_zh.png")) and list((tmp_path / "figures").glob("*_en.pdf"))


def test_paired_notebooks_open_in_jupyterlab(tmp_path):
    """`make lab` pairs each .py with an .ipynb that JupyterLab's jupytext opens without refusing it."""
    import shutil

    from jupytext import TextFileContentsManager

    from ipanalysis.notebooks import sync_all

    for path in NOTEBOOKS + [NOTEBOOKS[0].parent / "jupytext.toml"]:
        shutil.copy(path, tmp_path / path.name)
    written = sync_all(tmp_path)
    assert len(written) == len(NOTEBOOKS) and sync_all(tmp_path) == []  # a second run writes nothing
    manager = TextFileContentsManager(root_dir=str(tmp_path))
    for path in written:
        assert path.stat().st_mtime <= (tmp_path / f"{path.stem}.py").stat().st_mtime
        model = manager.get(path.name)
        assert model["type"] == "notebook" and model["content"]["cells"][0]["cell_type"] == "markdown"


def test_notebooks_sharing_a_kernel_start_with_no_names_of_the_one_before(tmp_path):
    from ipanalysis.notebooks import execute_notebooks

    first, second = tmp_path / "01_a.py", tmp_path / "02_b.py"
    first.write_text("# %%\nimport os\nleft_over = 1\nprint(os.getpid())\n", encoding="utf-8")
    second.write_text("# %%\nimport os\nprint(os.getpid(), 'left_over' in globals())\n# %%\n6 * 7\n", encoding="utf-8")
    (nb_a, _), (nb_b, _) = execute_notebooks([first, second], tmp_path / "out")
    pid = nb_a.cells[0].outputs[0].text.split()[0]
    assert nb_b.cells[0].outputs[0].text.split() == [pid, "False"]  # one kernel, and a clean namespace
    assert [c.execution_count for c in nb_b.cells] == [1, 2]  # the clearing cell is not kept
    assert nb_b.cells[1].outputs[0].execution_count == 2  # numbered as in a kernel of its own
    assert (tmp_path / "out" / "02_b.ipynb").exists()


def test_two_groups_of_notebooks_run_in_two_fresh_processes(tmp_path):
    """`--jobs 2` (make): each group in a process of its own, started fresh (spawned, so it does not
    inherit this process's call depth), each with its own kernel; every notebook is written."""
    from ipanalysis.notebooks import _run_groups

    sources = []
    for name in ("01_a", "02_b", "03_c"):
        path = tmp_path / f"{name}.py"
        path.write_text("# %%\nimport os\nprint(os.getpid(), os.getppid())\n", encoding="utf-8")
        sources.append(path)
    groups = [([sources[0], sources[2]], tmp_path / "out", None), ([sources[1]], tmp_path / "out", None)]
    timings = list(_run_groups(groups))
    assert [[name for name, *_ in group] for group in timings] == [["01_a.py", "03_c.py"], ["02_b.py"]]
    import nbformat

    parents = {}
    for name in ("01_a", "02_b", "03_c"):
        nb = nbformat.read(tmp_path / "out" / f"{name}.ipynb", 4)
        kernel, launcher = nb.cells[0].outputs[0].text.split()
        parents[name] = (kernel, launcher)
    assert parents["01_a"] == parents["03_c"]  # one kernel for a group
    assert parents["01_a"][1] != parents["02_b"][1]  # two processes started the two kernels


def _fake_tables(folder, measures_digest: str, documents_digest: str = "d1"):
    """A folder whose build manifest records the tables' digests (all the runner reads of them)."""
    import json

    folder.mkdir(exist_ok=True)
    tables = {"measures.csv": measures_digest, "documents.csv": documents_digest}
    (folder / "build_info.json").write_text(json.dumps({"tables": tables}), encoding="utf-8")


READS_MEASURES = """# %%
import pandas as pd
from ipanalysis.tables.corpus import Corpus
from ipanalysis.tables.schema import TABLES

corpus = Corpus(**{name: pd.DataFrame() for name in TABLES})
print(len(corpus.measures), "{word}")
"""


def test_only_notebooks_whose_inputs_changed_run_again(tmp_path, capsys):
    """`make` after a change: a notebook runs again when its text, the code it runs, a table it
    read or its settings changed, not otherwise; `force` runs every one."""
    import json

    from ipanalysis.notebooks import execute_all

    folder, out, processed = tmp_path / "nb", tmp_path / "out", tmp_path / "processed"
    folder.mkdir()
    (folder / "01_a.py").write_text("# %%\nprint('a')\n", encoding="utf-8")
    (folder / "02_b.py").write_text(READS_MEASURES.replace("{word}", "b"), encoding="utf-8")
    _fake_tables(processed, "m1")
    env = {"IPANALYSIS_PROCESSED": str(processed)}

    def ran(**kwargs):
        return [p.name for p in execute_all(out, env=env, jobs=2, folder=folder, **kwargs)]

    assert ran() == ["01_a.ipynb", "02_b.ipynb"]
    manifest = json.loads((out / "notebooks.json").read_text(encoding="utf-8"))["notebooks"]
    assert manifest["01_a.py"]["tables_read"] == [] and manifest["02_b.py"]["tables_read"] == ["measures"]
    assert ran() == [] and "2 notebook(s) up to date" in capsys.readouterr().out
    (folder / "02_b.py").write_text(READS_MEASURES.replace("{word}", "B"), encoding="utf-8")
    assert ran() == ["02_b.ipynb"]
    _fake_tables(processed, "m1", "d2")  # a rebuild that changed a table neither reads
    assert ran() == []
    _fake_tables(processed, "m2", "d2")  # one that changed the table 02 reads
    assert ran() == ["02_b.ipynb"]
    env["IPANALYSIS_LANG"] = "zh"
    assert ran() == ["01_a.ipynb", "02_b.ipynb"]
    (out / "01_a.ipynb").unlink()
    assert ran() == ["01_a.ipynb"]
    assert ran(force=True) == ["01_a.ipynb", "02_b.ipynb"]


def test_what_a_notebook_runs_is_the_code_it_imports(tmp_path):
    """A notebook that only reads tables does not depend on the parse's vocabularies or the raw
    plans; one that builds (ipanalysis.build) depends on both."""
    from ipanalysis.imports import code_inputs, imported_modules

    reads = code_inputs(imported_modules("import ipanalysis\nc = ipanalysis.load_corpus('p')\n"))
    builds = code_inputs(imported_modules("import ipanalysis\nipanalysis.build('raw', 'out')\n"))
    assert "tables/corpus.py" in reads and "parse/outline.py" not in reads
    assert "data/roles.csv" not in reads and "执法:2" not in reads["data/theme_lexicon.csv"].decode()
    assert "parse/outline.py" in builds and "data/roles.csv" in builds
    assert "执法:2" in builds["data/theme_lexicon.csv"].decode()


def test_notebooks_are_shared_between_kernels_by_their_last_times():
    from ipanalysis.notebooks import _groups

    sources = [Path(f"{n}.py") for n in ("01_a", "02_b", "03_c", "04_d")]
    seconds = {"01_a.py": 1.0, "02_b.py": 5.0, "03_c.py": 4.0, "04_d.py": None}  # 04 never ran: 1 s
    assert [[p.stem for p in g] for g in _groups(sources, 2, seconds)] == [["02_b", "04_d"], ["01_a", "03_c"]]
    assert [[p.stem for p in g] for g in _groups(sources[:1], 2, {})] == [["01_a"]]
