"""Find submissions, read them safely, and rebuild what will be executed.

A submission folder follows nbgrader's layout:
``<root>/<student_id>/<assignment>/<assignment>.ipynb``. What runs at grading
is the source notebook with only the student's answer cells (and any cells
the student added) taken from the submission: every locked cell, test cell,
hidden test and all metadata come from ``solutions/``.

Cells are recognised by nbgrader's ``grade_id``. An editor that drops cell
metadata (Colab, or a copy into a fresh notebook) leaves cells without it;
those are recognised by their content instead: a locked cell by its text,
an answer cell by the names its release stub defines.
"""
import ast
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


def _defined_names(source):
    """Names the top level of ``source`` defines (functions, classes, assigned variables)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return set()
    names = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


class _Recogniser:
    """Which source cell a student's cell is: by ``grade_id``, or, for a cell
    that lost nbgrader's metadata, by its content. Each source cell is
    recognised once; ``recovered`` lists what was found by content."""

    def __init__(self, source_nb, stub_nb, student_nb):
        self.source_ids = {course.grade_id(c) for c in source_nb.cells}
        tagged = {course.grade_id(c) for c in student_nb.cells} & self.source_ids
        self.locked_text = {}
        self.answer_names = {}
        for cell in stub_nb.cells:
            gid = course.grade_id(cell)
            if gid in tagged:
                continue
            if course.is_answer(cell):
                self.answer_names[gid] = _defined_names(cell.source)
            else:
                self.locked_text.setdefault(cell.source.strip(), gid)
        self.recovered = []

    def __call__(self, cell):
        gid = course.grade_id(cell)
        if gid in self.source_ids:
            return gid
        if "nbgrader" in cell.get("metadata", {}):  # tagged, but as no cell of the source
            return None
        text = _cell_source(cell)
        gid = self.locked_text.pop(text.strip(), None)
        if gid is None and cell.get("cell_type") == "code":
            names = _defined_names(text)
            gid = next((g for g, wanted in self.answer_names.items() if wanted and wanted <= names), None)
        if gid is not None:
            self.answer_names.pop(gid, None)
            self.recovered.append(gid)
        return gid


def sanitise(source_nb, stub_nb, student_nb):
    """The notebook to execute for a student, and notes on what was overridden.

    ``stub_nb`` is the release version, whose answer cells stand in for
    answers the student deleted or turned into another kind of cell.
    """
    answer_ids = {course.grade_id(c) for c in source_nb.cells if course.is_answer(c)}
    stubs = {course.grade_id(c): c.source for c in stub_nb.cells if course.is_answer(c)}
    recognise = _Recogniser(source_nb, stub_nb, student_nb)
    answers, added, notes = {}, {}, []
    anchor = None
    for cell in student_nb.cells:
        gid = recognise(cell)
        if gid is not None:
            anchor = gid
            if gid in answer_ids and cell.get("cell_type") == "code" and gid not in answers:
                answers[gid] = _cell_source(cell)
        elif cell.get("cell_type") == "code" and _cell_source(cell).strip():
            added.setdefault(anchor, []).append(_cell_source(cell))
    found = [gid for gid in recognise.recovered if gid in answer_ids]
    if recognise.recovered:
        notes.append(f"{len(recognise.recovered)} cell(s) had lost nbgrader's metadata (an editor such as "
                     f"Colab drops it) and were recognised by their content"
                     + (f", among them the answer cell(s) {', '.join(found)}" if found else ""))
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
