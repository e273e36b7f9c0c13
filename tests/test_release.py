"""The student release: generated from the sources, in sync, stable, and free of answers."""
import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder import course, release

ASSIGNMENTS = course.assignments()


def _copy_course(tmp_path):
    for folder in ("solutions", "notebooks"):
        shutil.copytree(course.ROOT / folder, tmp_path / folder)
    for name in ("pyproject.toml", "requirements.txt"):  # the Colab cell's URL and pins
        shutil.copy2(course.ROOT / name, tmp_path / name)
    return tmp_path


def _check_cli(root):
    env = {**os.environ, "AUTOGRADER_COURSE": str(root)}
    return subprocess.run([sys.executable, "-m", "autograder", "release", "--check"],
                          env=env, capture_output=True, text=True)


def test_committed_release_is_in_sync():
    assert release.stale() == []


def test_check_fails_when_a_solution_changes(tmp_path):
    root = _copy_course(tmp_path)
    assert _check_cli(root).returncode == 0
    path = root / "solutions" / ASSIGNMENTS[0] / f"{ASSIGNMENTS[0]}.ipynb"
    nb = nbformat.read(path, as_version=4)
    title = next(c for c in nb.cells if c.cell_type == "markdown")
    title.source += "\n\nOne more sentence."
    nbformat.write(nb, path)
    result = _check_cli(root)
    assert result.returncode != 0
    assert ASSIGNMENTS[0] in result.stdout


def test_check_fails_when_a_colab_cell_is_out_of_date(tmp_path):
    root = _copy_course(tmp_path)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("github.com/", "github.com/another-"))
    result = _check_cli(root)
    assert result.returncode != 0
    assert str(root / "solutions" / ASSIGNMENTS[0]) in result.stdout, "the source's Colab cell is stale"


def test_check_fails_on_a_stray_release(tmp_path):
    root = _copy_course(tmp_path)
    shutil.copytree(root / "notebooks" / ASSIGNMENTS[0], root / "notebooks" / "99_old")
    (root / "notebooks" / "99_old" / f"{ASSIGNMENTS[0]}.ipynb").rename(root / "notebooks" / "99_old" / "99_old.ipynb")
    assert _check_cli(root).returncode != 0


def test_release_is_byte_stable(tmp_path, monkeypatch):
    root = _copy_course(tmp_path)
    shutil.rmtree(root / "notebooks")
    monkeypatch.setattr(course, "SOLUTIONS", root / "solutions")
    monkeypatch.setattr(course, "NOTEBOOKS", root / "notebooks")
    assert len(release.release()) == len(ASSIGNMENTS)
    first = {p: p.read_bytes() for p in (root / "notebooks").rglob("*.ipynb")}
    assert release.release() == []
    assert first == {p: p.read_bytes() for p in (root / "notebooks").rglob("*.ipynb")}
    assert all(first[p] == (course.ROOT / p.relative_to(root)).read_bytes() for p in first)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_stubs_no_answers_no_hidden_tests(assignment):
    text = course.release_path(assignment).read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text
    nb = nbformat.read(course.release_path(assignment), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
        if course.is_answer(cell) and cell.cell_type == "code":
            assert "raise NotImplementedError()" in cell.source
        if course.is_test(cell):
            assert cell.metadata.get("editable") is False and cell.metadata.get("deletable") is False
