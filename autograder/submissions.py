"""Find submissions, read them safely, and rebuild what will be executed.

A submission folder follows nbgrader's layout:
``<root>/<student_id>/<assignment>/<assignment>.ipynb``. What runs at grading
is the source notebook with only the student's answer cells (and any cells
the student added) taken from the submission: every locked cell, test cell,
hidden test and all metadata come from ``solutions/``.
"""
import copy
import json
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import course

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Submission:
    """One expected notebook: where it should be, and what is wrong if it cannot be graded."""
    student: str
    assignment: str
    path: Path
    status: str = "pending"  # or "missing" / "invalid" with ``reason``
    reason: str = ""


def discover(root, assignments=None):
    """Every submission under ``root``, in a stable order.

    Misplaced files are reported as ``missing`` with what was found instead;
    folders that are not assignments of the course are ``invalid``.
    """
    root = Path(root)
    known = set(course.assignments())
    wanted = set(assignments or known)
    found = []
    for student_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = student_dir.name
        for entry in sorted(student_dir.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and entry.name in known:
                if entry.name in wanted:
                    found.append(_expected(student, entry.name, entry))
            elif entry.is_dir():
                found.append(Submission(student, entry.name, entry, "invalid",
                                        f"'{student}/{entry.name}' is not an assignment of this course "
                                        f"(assignments: {', '.join(sorted(known))})."))
            elif entry.suffix == ".ipynb" and entry.stem in wanted and not (student_dir / entry.stem).is_dir():
                found.append(Submission(student, entry.stem, entry, "missing",
                                        f"found '{student}/{entry.name}', but it must be at "
                                        f"'{student}/{entry.stem}/{entry.name}'."))
    return found


def _expected(student, assignment, folder):
    path = folder / f"{assignment}.ipynb"
    if path.is_file():
        return Submission(student, assignment, path)
    others = sorted(p.name for p in folder.glob("*.ipynb"))
    hint = f" Found {', '.join(others)} instead: rename it to {assignment}.ipynb." if others else ""
    return Submission(student, assignment, path, "missing",
                      f"no notebook '{student}/{assignment}/{assignment}.ipynb'.{hint}")


class InvalidNotebook(Exception):
    """The file cannot be read as a notebook; the message says why, for the student."""


def read_notebook(path):
    """Parse a submitted file, or raise ``InvalidNotebook`` with the reason."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise InvalidNotebook("the notebook file is empty (0 bytes): it was probably not saved before submitting.")
    if size > MAX_NOTEBOOK_BYTES:
        raise InvalidNotebook(f"the notebook file is {size / 2**20:.0f} MiB, more than the "
                              f"{MAX_NOTEBOOK_BYTES // 2**20} MiB allowed: clear the outputs and submit again.")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidNotebook("the file is not text (UTF-8): it is not a Jupyter notebook.") from None
    except json.JSONDecodeError as exc:
        raise InvalidNotebook(f"the file is not valid notebook JSON ({exc.msg} at line {exc.lineno}, "
                              f"column {exc.colno}): it may be truncated or edited by hand.") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells", data.get("worksheets")), list):
        raise InvalidNotebook("the file is JSON but not a Jupyter notebook (it has no list of cells).")
    version = data.get("nbformat")
    if version not in (3, 4):
        raise InvalidNotebook(f"the notebook has format version {version!r}; this course reads versions 3 and 4. "
                              f"Open it in JupyterLab and save it again.")
    try:
        return nbformat.reads(json.dumps(data), as_version=course.NBFORMAT)
    except Exception as exc:  # nbformat raises many kinds on malformed content
        raise InvalidNotebook(f"the notebook could not be read ({type(exc).__name__}: {exc}).") from None


def _cell_source(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def sanitise(source_nb, stub_nb, student_nb):
    """The notebook to execute for a student, and notes on what was overridden.

    ``stub_nb`` is the release version, whose answer cells stand in for
    answers the student deleted or turned into another kind of cell.
    """
    answer_ids = {course.grade_id(c) for c in source_nb.cells if course.is_answer(c)}
    source_ids = {course.grade_id(c) for c in source_nb.cells}
    stubs = {course.grade_id(c): c.source for c in stub_nb.cells if course.is_answer(c)}
    answers, added, notes = {}, {}, []
    anchor = None
    for cell in student_nb.cells:
        gid = course.grade_id(cell)
        if gid in source_ids and gid is not None:
            anchor = gid
            if gid in answer_ids and cell.get("cell_type") == "code" and gid not in answers:
                answers[gid] = _cell_source(cell)
        elif cell.get("cell_type") == "code" and _cell_source(cell).strip():
            added.setdefault(anchor, []).append(_cell_source(cell))
    missing = sorted(answer_ids - answers.keys())
    if missing:
        notes.append(f"answer cell(s) not found in the submission, graded as unanswered: {', '.join(missing)}")

    nb = copy.deepcopy(source_nb)
    cells = [nbformat.v4.new_code_cell(src) for src in added.get(None, [])]
    for cell in nb.cells:
        gid = course.grade_id(cell)
        if gid in answer_ids:
            cell.source = answers.get(gid, stubs.get(gid, ""))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
        cells += [nbformat.v4.new_code_cell(src) for src in added.get(gid, [])]
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    nb.cells = cells
    return nb, notes
