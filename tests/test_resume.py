"""Grading loses nothing: idempotent, resumable after SIGKILL, deterministic."""
import os
import signal
import subprocess
import sys
import time
from dataclasses import astuple, replace

import nbformat
import pytest

from autograder import course, demo, grading, sandbox

ASSIGNMENT = course.assignments()[0]


def _class(root, students):
    for student in students:
        path = root / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(demo.answered(ASSIGNMENT), path)
    return root


def test_killed_grading_resumes_and_keeps_finished_results(tmp_path):
    root = _class(tmp_path / "class", [f"s{i}" for i in range(6)])
    out = tmp_path / "out"
    grader = subprocess.Popen([sys.executable, "-m", "autograder", "grade", str(root), "--output", str(out),
                               "--workers", "1"], start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / "journal.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (journal.is_file() and journal.read_text().count("\n") >= 2):
        time.sleep(0.2)
    os.killpg(grader.pid, signal.SIGKILL)
    grader.wait()
    finished = journal.read_text().count("\n")
    assert 2 <= finished < 6
    time.sleep(2)
    table = subprocess.run(["ps", "-e", "-o", "uid=,args="], capture_output=True, text=True).stdout
    assert [l for l in table.splitlines() if int(l.split()[0]) in sandbox.SANDBOX_UIDS] == []

    graded_before = {line for line in journal.read_text().splitlines()}
    records = grading.grade(root, out, workers=2, progress=False)
    assert {line for line in journal.read_text().splitlines()} >= graded_before, "finished results are kept"
    assert len({r.student_id for r in records}) == 6 and all(r.status == "ok" for r in records)
    csv_rows = (out / "grades.csv").read_text().splitlines()
    assert len(csv_rows) == 1 + len(records), "no duplicates"


def test_grading_again_regrades_nothing_and_changes_nothing(tmp_path):
    root = _class(tmp_path / "class", ["a", "b"])
    out = tmp_path / "out"
    first = grading.grade(root, out, workers=2, progress=False)
    csv_first = (out / "grades.csv").read_bytes()
    started = time.monotonic()
    second = grading.grade(root, out, workers=2, progress=False)
    assert second == first and (out / "grades.csv").read_bytes() == csv_first
    assert time.monotonic() - started < 30, "nothing was executed again"
    nb = nbformat.read(root / "a" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in nb.cells:
        if course.is_answer(cell):
            cell.source = "raise RuntimeError('changed my mind')"
    nbformat.write(nb, root / "a" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    third = grading.grade(root, out, workers=2, progress=False)
    assert [r for r in third if r.student_id == "b"] == [r for r in first if r.student_id == "b"]
    assert all(r.score == 0 for r in third if r.student_id == "a"), "a changed submission is regraded"


def test_one_worker_or_two_give_the_same_records(tmp_path):
    root = tmp_path / "class"
    for student, nb in (("ada", demo.answered(ASSIGNMENT)), ("grace", demo.partly_wrong(ASSIGNMENT))):
        path = root / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
    one = grading.grade(root, tmp_path / "one", workers=1, progress=False)
    two = grading.grade(root, tmp_path / "two", workers=2, progress=False)
    assert one == two and (tmp_path / "one" / "grades.csv").read_bytes() == (tmp_path / "two" / "grades.csv").read_bytes()


def test_three_runs_give_identical_grades(tmp_path):
    """The same partly wrong notebook, graded three times side by side in
    separate kernels, gets the same records each time."""
    assignments = [a for a in ("03_initialization", "06_frameworks", "07_capstone") if a in course.assignments()]
    runs = [f"grace{i}" for i in range(3)]
    for student in runs:
        for assignment in assignments:
            path = tmp_path / "class" / student / assignment / f"{assignment}.ipynb"
            path.parent.mkdir(parents=True)
            nbformat.write(demo.partly_wrong(assignment), path)
    records = grading.grade(tmp_path / "class", tmp_path / "out", workers=2, progress=False)
    by_run = {student: sorted(astuple(replace(r, student_id="")) for r in records if r.student_id == student)
              for student in runs}
    assert by_run["grace0"], "the runs produced records"
    assert by_run["grace0"] == by_run["grace1"] == by_run["grace2"]
