"""Grading the demo class: full marks, zeros, partial marks and broken files, end to end."""
import csv
import html
import re

import nbformat
import pytest

from autograder import course, gradebook
from conftest import totals

ASSIGNMENTS = course.assignments()
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.DOTALL)


def _of(records, student):
    return [r for r in records if r.student_id == student]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_solution_gets_full_marks(demo_graded, assignment):
    _, records = demo_graded
    mine = [r for r in _of(records, "ada") if r.assignment == assignment]
    assert mine, "every test cell has a record"
    assert [r for r in mine if r.status != "ok"] == []
    assert len(mine) == len(course.test_cells(course.read_source(assignment)))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_stub_gets_zero_without_crashing(demo_graded, assignment):
    _, records = demo_graded
    mine = [r for r in _of(records, "linus") if r.assignment == assignment]
    assert mine and all(r.score == 0 for r in mine)
    assert {r.status for r in mine} <= {"failed", "error"}
    assert all(r.message for r in mine)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stub_fails_every_test_cell_with_a_helpful_error(demo_graded, assignment):
    """Untouched, each test cell fails on the stub or with a check's message,
    never with a NameError or an error from inside a library."""
    out, _ = demo_graded
    nb = nbformat.read(out / "autograded" / "linus" / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in course.test_cells(nb):
        errors = [o.ename for o in cell.outputs if o.output_type == "error"]
        assert errors and errors[0] in ("NotImplementedError", "CheckFailed", "AssertionError"), \
            (course.grade_id(cell), errors)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_notebook_runs_top_to_bottom_without_errors(demo_graded_full, assignment):
    out, _ = demo_graded_full
    nb = nbformat.read(out / "autograded" / "ada" / assignment / f"{assignment}.ipynb", as_version=4)
    errors = [(course.grade_id(c), o.get("ename"), o.get("evalue")) for c in nb.cells
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_skipping_demonstrations_changes_no_grade(demo_graded, demo_graded_full):
    assert demo_graded[1] == demo_graded_full[1]
    demos = [c for a in ASSIGNMENTS for c in course.read_source(a).cells if course.is_demo(c)]
    assert demos, "the notebooks mark their demonstration cells"


def test_common_mistakes_lose_points_with_a_message(demo_graded):
    _, records = demo_graded
    lost = [r for r in _of(records, "grace") if r.score < r.max_score]
    assert lost, "the partly wrong student loses points"
    assert all(r.status == "failed" and r.message for r in lost)
    scores = totals(records)
    for assignment in ASSIGNMENTS:
        got, possible = scores[("grace", assignment)]
        assert 0 < got < possible or possible == 0, assignment


def test_broken_and_misfiled_submissions_are_recorded_and_the_batch_goes_on(demo_graded):
    _, records = demo_graded
    broken = [r for r in _of(records, "mallory") if r.assignment == ASSIGNMENTS[0]]
    assert broken and {r.status for r in broken} == {"invalid"}
    assert "not valid notebook JSON" in broken[0].message and all(r.score == 0 for r in broken)
    misfiled = [r for r in _of(records, "mallory") if r.assignment == ASSIGNMENTS[1]]
    assert misfiled and {r.status for r in misfiled} == {"missing"}
    assert "my_homework.ipynb" in misfiled[0].message
    assert {r.student_id for r in records} == {"ada", "grace", "linus", "mallory"}


def test_csv_and_gradebook_agree(demo_graded):
    out, records = demo_graded
    with open(out / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["student_id", "assignment", "grade_id", "score", "max_score", "status", "message"]
    assert len(rows) == len(records)
    db = gradebook.scores(f"sqlite:///{out / 'gradebook.db'}")
    for (student, assignment), (got, _) in totals(records).items():
        assert db[(student, assignment)] == pytest.approx(got), (student, assignment)


def test_feedback_shows_results_but_never_hidden_test_code(demo_graded):
    out, records = demo_graded
    cells = [cell for a in ASSIGNMENTS for cell in course.test_cells(course.read_source(a))]
    visible = "\n".join(HIDDEN.sub("", cell.source) for cell in cells)
    hidden_lines = {line.strip() for cell in cells for block in HIDDEN.findall(cell.source)
                    for line in block.splitlines()
                    if len(line.strip()) > 12 and not line.strip().startswith("#")
                    and line.strip() not in visible}
    pages = list((out / "feedback").rglob("*.html"))
    assert len(pages) == len({(r.student_id, r.assignment) for r in records})
    for page in pages:
        text = html.unescape(page.read_text())
        leaked = [line for line in hidden_lines if line in text]
        assert leaked == [], f"{page}: {leaked[:3]}"
    ada = (out / "feedback" / "ada" / ASSIGNMENTS[0] / f"{ASSIGNMENTS[0]}.html").read_text()
    assert "passed" in ada and "Score" in ada
