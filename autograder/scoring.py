"""Turn how each test cell ended into a score, a status and a message for the student."""
from dataclasses import asdict, dataclass

from . import course

FIELDS = ("student_id", "assignment", "grade_id", "score", "max_score", "status", "message")
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
_FAILURES = {"AssertionError", "CheckFailed"}


@dataclass(frozen=True)
class Record:
    """The result of one test cell for one student: a row of grades.csv."""
    student_id: str
    assignment: str
    grade_id: str
    score: float
    max_score: float
    status: str
    message: str

    def row(self):
        return asdict(self)


def _part(cell, line):
    """'Visible test' or 'Hidden test', from the line where the failure surfaced."""
    lines = cell.source.split("\n")
    begin = next((i + 1 for i, text in enumerate(lines) if HIDDEN_BEGIN in text), None)
    if line is None or begin is None:
        return "Test"
    return "Hidden test" if line > begin else "Visible test"


def _explain(result):
    if result.ename in _FAILURES:
        return result.evalue or "an assertion failed without a message."
    if result.ename == "NotImplementedError":
        return ("not implemented yet: an exercise this test uses still raises NotImplementedError "
                "(replace `raise NotImplementedError()` with your code).")
    if result.ename == "NameError" and "'ANSWER_" in result.evalue:
        name = result.evalue.split("'")[1]
        return f"{name} is not set yet: choose your answer in the question's cell, assign it to {name}, and run that cell."
    if result.ename == "NameError":
        return (f"{result.evalue}: the test calls a name that is not defined. Keep each exercise's "
                "name and signature exactly as given, and make sure its answer cell runs without errors.")
    return f"{result.ename}: {result.evalue}" if result.evalue else result.ename


def score_cell(student, assignment, cell, result, earlier_failure):
    """The record for one executed test cell.

    ``earlier_failure`` describes why the run stopped before this cell, if it did.
    """
    gid, max_score = course.grade_id(cell), course.points(cell)

    def record(score, status, message):
        return Record(student, assignment, gid, score, max_score, status, message)

    if result.status == "ok":
        return record(max_score, "ok", "passed")
    if result.status == "not-run":
        return record(0.0, "error", f"not run: {earlier_failure}")
    if result.status == "died":
        return record(0.0, "crashed", f"{_part(cell, result.line)}: {result.evalue}")
    status = "timeout" if result.status == "timeout" else (
        "failed" if result.ename in _FAILURES else "error")
    return record(0.0, status, f"{_part(cell, result.line)}: {_explain(result)}")


def score_notebook(student, assignment, nb, results):
    """One record per test cell of an executed notebook.

    Once the guard finds that the notebook replaced something the tests rely
    on, that test cell and every later one score nothing.
    """
    records, stopped, tampered = [], None, None
    for cell, result in zip(nb.cells, results):
        if result is not None and result.status in ("died", "timeout") and stopped is None:
            where = course.grade_id(cell) or "a cell you added"
            stopped = f"the run stopped in an earlier cell ('{where}': {result.evalue})."
        if not course.is_test(cell):
            continue
        if result is not None and result.tampered and tampered is None:
            tampered = ", ".join(result.tampered)
        if tampered:
            records.append(Record(student, assignment, course.grade_id(cell), 0.0, course.points(cell),
                                  "error", f"not scored: the notebook replaced what the tests rely on "
                                           f"({tampered}). Do not modify numpy, the builtins, the "
                                           f"checking helpers or IPython."))
        else:
            records.append(score_cell(student, assignment, cell, result, stopped))
    return records


def unreadable(student, assignment, status, reason, source_nb=None):
    """Zero-score records for a submission that could not be graded."""
    cells = course.test_cells(source_nb) if source_nb is not None else []
    if not cells:
        return [Record(student, assignment, "", 0.0, 0.0, status, reason)]
    return [Record(student, assignment, course.grade_id(c), 0.0, course.points(c), status, reason)
            for c in cells]
