"""Every numbered notebook executes headless on a mixed corpus: two plans of one region, a city and
one of its districts, a province plan, a notice without tasks, Traditional-script plans."""

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
    assert [[name for name, _ in group] for group in timings] == [["01_a.py", "03_c.py"], ["02_b.py"]]
    import nbformat

    parents = {}
    for name in ("01_a", "02_b", "03_c"):
        nb = nbformat.read(tmp_path / "out" / f"{name}.ipynb", 4)
        kernel, launcher = nb.cells[0].outputs[0].text.split()
        parents[name] = (kernel, launcher)
    assert parents["01_a"] == parents["03_c"]  # one kernel for a group
    assert parents["01_a"][1] != parents["02_b"][1]  # two processes started the two kernels
