"""Where the course lives, and what the cells of its notebooks are.

The source of an assignment is ``solutions/<id>/<id>.ipynb``; its student
release is ``notebooks/<id>/<id>.ipynb``. Cells carry nbgrader's metadata
(schema v3), read here so every other module asks the same questions.
The course folder is this repository, or ``$AUTOGRADER_COURSE`` when set
(another course with the same layout).
"""
import os
from pathlib import Path

import nbformat

ROOT = Path(os.environ.get("AUTOGRADER_COURSE") or Path(__file__).resolve().parent.parent)
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
NBFORMAT = 4


def assignments():
    """Assignment ids in teaching order (the folder names sort that way)."""
    return sorted(p.name for p in SOLUTIONS.iterdir() if (p / f"{p.name}.ipynb").is_file())


def source_path(assignment):
    return SOLUTIONS / assignment / f"{assignment}.ipynb"


def release_path(assignment):
    return NOTEBOOKS / assignment / f"{assignment}.ipynb"


def read_source(assignment):
    """The source notebook of ``assignment`` (full solutions and hidden tests)."""
    return nbformat.read(source_path(assignment), as_version=NBFORMAT)


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell):
    return nbgrader_meta(cell).get("grade_id")


def is_answer(cell):
    """A cell the student writes in."""
    return bool(nbgrader_meta(cell).get("solution"))


def is_test(cell):
    """An autograded test cell: code, with points."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.get("cell_type") == "code"


def points(cell):
    return float(nbgrader_meta(cell).get("points", 0))


def is_demo(cell):
    """A locked cell that only demonstrates (``demo_*``, and the closing
    ``summary``): no test depends on it, so grading may skip it."""
    gid = grade_id(cell) or ""
    return nbgrader_meta(cell).get("locked") and (gid.startswith("demo_") or gid == "summary")


def test_cells(nb):
    """The test cells of ``nb``, in order."""
    return [cell for cell in nb.cells if is_test(cell)]
