"""Whatever a student does to locked and test cells, the real tests run; and
answers survive an editor that drops nbgrader's cell metadata."""
import copy
import json

import nbformat
import pytest

from autograder import course, demo, grading, release, submissions

ASSIGNMENT = course.assignments()[0]
# Splitting a test cell duplicates its cell id, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore::nbformat.warnings.DuplicateCellId")


def _stub():
    return copy.deepcopy(release.student_version(course.read_source(ASSIGNMENT)))


def _edit_tests(nb, change):
    for index in reversed(range(len(nb.cells))):
        if course.is_test(nb.cells[index]):
            change(nb, index)
    return nb


def _retag(nb, index):
    cell = nb.cells[index]
    cell.metadata.setdefault("tags", []).extend(["skip-execution", "raises-exception"])
    cell.metadata.nbgrader.update(points=100, grade=False, grade_id=f"renamed_{index}")


def _prefill(nb, index):
    nb.cells[index].outputs = [nbformat.v4.new_output("stream", name="stdout", text="✔ passed\n")]
    nb.cells[index].execution_count = 1


def _split(nb, index):
    cell = nb.cells[index]
    lines = cell.source.split("\n")
    second = copy.deepcopy(cell)
    cell.source, second.source = "\n".join(lines[:1]), "\n".join(lines[1:]) + "\nraise SystemExit"
    nb.cells.insert(index + 1, second)


def _to_markdown(nb, index):
    cell = nb.cells[index]
    nb.cells[index] = nbformat.v4.new_markdown_cell(cell.source, metadata=cell.metadata)


def _without_metadata(nb):
    """What an editor that keeps no cell metadata (as Colab may) saves: new ids, no nbgrader."""
    for index, cell in enumerate(nb.cells):
        cell.metadata = {"id": f"editor-{index}"}
        cell["id"] = f"editor-{index}"
    return nb


TAMPERED = {
    "stub-tests-replaced-by-pass": lambda: _edit_tests(_stub(), lambda nb, i: setattr(nb.cells[i], "source", "pass")),
    "stub-tests-deleted": lambda: _edit_tests(_stub(), lambda nb, i: nb.cells.pop(i)),
    "stub-tests-retagged-and-repointed": lambda: _edit_tests(_stub(), _retag),
    "stub-outputs-prefilled": lambda: _edit_tests(_stub(), _prefill),
    "stub-tests-split": lambda: _edit_tests(_stub(), _split),
    "stub-tests-made-markdown": lambda: _edit_tests(_stub(), _to_markdown),
    "answers-with-tests-deleted": lambda: _edit_tests(demo.answered(ASSIGNMENT), lambda nb, i: nb.cells.pop(i)),
    "stub-without-metadata": lambda: _without_metadata(_stub()),
}
LOST_METADATA = {"answers-without-metadata": lambda: _without_metadata(demo.answered(ASSIGNMENT))}


@pytest.fixture(scope="module")
def tampered_graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("tampered")
    for student, make in {**TAMPERED, **LOST_METADATA}.items():
        path = root / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(make(), path)
    bad = root / "empty-file" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    bad.parent.mkdir(parents=True)
    bad.write_text("")
    future = root / "future-format" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    future.parent.mkdir(parents=True)
    future.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 9, "nbformat_minor": 0}))
    return grading.grade(root, tmp_path_factory.mktemp("tampered-out"), workers=2, progress=False)


def _expected_cells():
    return {course.grade_id(c): course.points(c) for c in course.test_cells(course.read_source(ASSIGNMENT))}


@pytest.mark.parametrize("student", [s for s in TAMPERED if s.startswith("stub")])
def test_tampering_with_tests_gains_nothing(tampered_graded, student):
    mine = [r for r in tampered_graded if r.student_id == student]
    assert {r.grade_id: r.max_score for r in mine} == _expected_cells()
    assert all(r.score == 0 and r.status in ("failed", "error") for r in mine), [r.message for r in mine]


def test_deleted_tests_still_run_and_pass_real_answers(tampered_graded):
    mine = [r for r in tampered_graded if r.student_id == "answers-with-tests-deleted"]
    assert {r.grade_id: r.max_score for r in mine} == _expected_cells()
    assert all(r.status == "ok" for r in mine)


@pytest.mark.parametrize("student, words", [("empty-file", "empty"), ("future-format", "format version")])
def test_unreadable_files_are_invalid_with_a_reason(tampered_graded, student, words):
    mine = [r for r in tampered_graded if r.student_id == student]
    assert mine and all(r.status == "invalid" and r.score == 0 and words in r.message for r in mine)


def test_answers_without_metadata_get_full_marks(tampered_graded):
    mine = [r for r in tampered_graded if r.student_id == "answers-without-metadata"]
    assert {r.grade_id: r.max_score for r in mine} == _expected_cells()
    assert all(r.status == "ok" for r in mine), [r.message for r in mine if r.status != "ok"]


def test_cells_without_metadata_are_recognised_by_content():
    source = course.read_source(ASSIGNMENT)
    student = _without_metadata(demo.answered(ASSIGNMENT))
    helper = nbformat.v4.new_code_cell("def relu_helper(z):\n    return z")
    student.cells.insert(5, helper)
    nb, notes = submissions.sanitise(source, release.student_version(source), student)
    answers = {course.grade_id(c): c.source for c in demo.answered(ASSIGNMENT).cells if course.is_answer(c)}
    assert {course.grade_id(c): c.source for c in nb.cells if course.is_answer(c)} == answers
    assert sum(c.source == helper.source for c in nb.cells) == 1, "the student's own cell still runs, once"
    assert len(notes) == 1 and "lost nbgrader's metadata" in notes[0], notes
