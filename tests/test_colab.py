"""The Colab cell that opens every notebook, run in a fresh Python environment
that has none of the course's packages: off Colab it does nothing; on Colab
(faked by a ``google.colab`` package) it installs the course's helpers, from
this repository, and the notebook's other imports, at the course's pins."""
import subprocess
import sys
import venv
from pathlib import Path

import nbformat
import pytest

from autograder import colab, course

ASSIGNMENT = "05_clipping"


@pytest.fixture
def fresh_python(tmp_path):
    """A new virtual environment with a current pip and nothing else."""
    venv.create(tmp_path / "env", with_pip=True, upgrade_deps=True)  # a current pip, as on Colab
    return str(tmp_path / "env" / "bin" / "python")


@pytest.fixture
def fake_colab(tmp_path):
    """A folder that, on PYTHONPATH, makes ``import google.colab`` succeed."""
    package = tmp_path / "fake" / "google" / "colab"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    return {"PYTHONPATH": str(tmp_path / "fake")}


def _run(python, code, env=None):
    # Outside the repository, so that its autograder/ folder is not importable from the cwd.
    return subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=600,
                          cwd=Path(python).parent, env={"PATH": "/usr/bin:/bin", **(env or {})})


def _release(assignment):
    return nbformat.read(course.release_path(assignment), as_version=4)


def _cell(repository_url):
    return colab.cell_source(_release(ASSIGNMENT), repository_url)


def _importable(python, module):
    return _run(python, f"import {module}").returncode == 0


def test_every_notebook_opens_with_the_colab_cell():
    for assignment in course.assignments():
        first = course.read_source(assignment).cells[0]
        assert course.grade_id(first) == colab.GRADE_ID, assignment
        assert first.source == colab.cell_source(_release(assignment)), \
            f"{assignment}: run `python -m autograder release`"
        assert "git+" + colab.repository() in first.source


def test_cell_lists_the_notebook_imports_at_the_course_pins():
    source = colab.cell_source(_release("07_capstone"))
    for needed in ("'torch': 'torch==2.13.0'", "'sklearn': 'scikit-learn==", "'numpy': 'numpy==",
                   "'autograder': 'deepnets-autograder @ git+"):
        assert needed in source
    assert "'tensorflow'" not in source and "'keras'" not in source, "07 does not import them"


def test_readme_links_point_at_the_repository():
    readme = (course.ROOT / "README.md").read_text(encoding="utf-8")
    url = colab.repository()
    owner_repo = url.removeprefix("https://github.com/")
    assert f"git clone {url}\n" in readme
    assert f"https://mybinder.org/v2/gh/{owner_repo}/HEAD?urlpath=lab/tree/notebooks" in readme
    for assignment in course.assignments():
        link = f"https://colab.research.google.com/github/{owner_repo}/blob/main/notebooks/{assignment}/{assignment}.ipynb"
        assert link in readme, f"README: no Colab link for {assignment}"


def test_off_colab_the_cell_does_nothing(fresh_python):
    run = _run(fresh_python, _cell(f"file://{course.ROOT}"))
    assert run.returncode == 0 and run.stdout == "" and run.stderr == "", run.stderr
    assert not _importable(fresh_python, "autograder.checks")


def test_on_colab_the_cell_installs_what_the_notebook_needs(fresh_python, fake_colab):
    assert (course.ROOT / ".git").exists(), "installs the helpers from this repository's git history"
    cell = _cell(f"file://{course.ROOT}")
    run = _run(fresh_python, cell, fake_colab)
    assert run.returncode == 0, run.stderr
    assert "Installing deepnets-autograder @ git+file://" in run.stdout
    check = _run(fresh_python, "from autograder.checks import check, passed, summary; "
                               "import numpy, matplotlib, tqdm; print(numpy.__version__)")
    assert check.returncode == 0, check.stderr
    assert f"numpy=={check.stdout.strip()}" == colab.requirement("numpy", None), "numpy at the course's pin"
    again = _run(fresh_python, cell, fake_colab)
    assert again.returncode == 0 and again.stdout == "", "nothing is missing the second time"


def test_on_colab_a_failed_install_says_what_failed(fresh_python, fake_colab, tmp_path):
    run = _run(fresh_python, _cell(f"file://{tmp_path / 'no-such-repository'}"), fake_colab)
    assert run.returncode != 0
    assert "RuntimeError: pip could not install what this notebook needs" in run.stderr
