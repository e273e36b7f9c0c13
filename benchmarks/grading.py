"""Benchmark: this course's grader against stock nbgrader, on one synthetic class.

    python benchmarks/grading.py --students 20 [--workers 2]

Builds a class of N students over every assignment (a mix of correct,
partly wrong, untouched and broken submissions), then in one run measures:
stock ``nbgrader autograde`` (one command per assignment, as its docs show),
our grader with and without the sandbox, and the floor (executing the same
rebuilt notebooks with nbclient alone, divided by the worker count). It checks
that stock nbgrader and ours agree on every score, and prints the wall times
and ratios.
"""
import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import nbformat

from autograder import course, demo, gradebook, grading, release, submissions


def build_class(root, students):
    """Student i: correct (i % 4 in 0, 1), partly wrong (2) or untouched (3);
    every tenth student's first notebook is truncated."""
    for i in range(students):
        student = f"student{i:03d}"
        for assignment in course.assignments():
            kind = i % 4
            nb = (demo.answered(assignment) if kind < 2 else
                  demo.partly_wrong(assignment) if kind == 2 else
                  release.student_version(course.read_source(assignment)))
            path = root / student / assignment / f"{assignment}.ipynb"
            path.parent.mkdir(parents=True)
            nbformat.write(nb, path)
            if i % 10 == 9 and assignment == course.assignments()[0]:
                path.write_text(path.read_text()[:500])
    return root


def stock_nbgrader(root, work):
    """Grade with stock nbgrader; return (seconds, {(student, assignment): score})."""
    work.mkdir(parents=True)
    (work / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(work)!r}\nc.Execute.timeout = 300\n")
    for assignment in course.assignments():
        (work / "source" / assignment).mkdir(parents=True)
        shutil.copy(course.source_path(assignment), work / "source" / assignment)
        subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                       cwd=work, check=True, capture_output=True)
    shutil.copytree(root, work / "submitted")
    started = time.perf_counter()
    for assignment in course.assignments():
        subprocess.run([sys.executable, "-m", "nbgrader", "autograde", assignment], cwd=work,
                       capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, gradebook.scores(f"sqlite:///{work / 'gradebook.db'}")


def ours(root, out, workers, sandboxed):
    started = time.perf_counter()
    records = grading.grade(root, out, workers=workers, sandboxed=sandboxed, progress=False)
    scores = defaultdict(float)
    for r in records:
        scores[(r.student_id, r.assignment)] += r.score
    return time.perf_counter() - started, dict(scores)


def floor(root, workers):
    """Seconds to execute the rebuilt notebooks with nbclient alone (no
    sandbox, no scoring), summed and divided by the worker count."""
    from nbclient import NotebookClient
    total = 0.0
    for sub in submissions.discover(root):
        try:
            student_nb = submissions.read_notebook(sub.path)
        except (submissions.InvalidNotebook, OSError):
            continue
        source = course.read_source(sub.assignment)
        nb, _ = submissions.sanitise(source, release.student_version(source), student_nb)
        nb = grading.without_demos(nb)
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as scratch:
            asyncio.run(NotebookClient(nb, timeout=300, allow_errors=True,
                                       resources={"metadata": {"path": scratch}}).async_execute(
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        total += time.perf_counter() - started
    return total / workers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="grading-benchmark-"))
    root = build_class(work / "class", args.students)
    notebooks = len(list(root.glob("*/*/*.ipynb")))
    print(f"class: {args.students} students x {len(course.assignments())} assignments = {notebooks} notebooks; "
          f"{args.workers} workers")
    stock_s, stock_scores = stock_nbgrader(root, work / "stock")
    print(f"stock nbgrader autograde:     {stock_s:8.1f} s")
    ours_s, our_scores = ours(root, work / "ours", args.workers, sandboxed=True)
    print(f"ours (sandboxed):             {ours_s:8.1f} s")
    open_s, open_scores = ours(root, work / "ours-open", args.workers, sandboxed=False)
    print(f"ours (--no-sandbox):          {open_s:8.1f} s")
    floor_s = floor(root, args.workers)
    print(f"floor (nbclient / workers):   {floor_s:8.1f} s")
    print(f"\nspeed-up over stock nbgrader: {stock_s / ours_s:5.2f}x")
    print(f"ours against the floor:       {ours_s / floor_s:5.2f}x")
    print(f"sandbox overhead:             {100 * (ours_s / open_s - 1):+5.1f} %")
    graded_by_both = stock_scores.keys() & our_scores.keys()
    disagree = {k: (stock_scores[k], our_scores[k]) for k in graded_by_both
                if abs(stock_scores[k] - our_scores[k]) > 1e-9}
    print(f"scores compared: {len(graded_by_both)}; disagreements: {len(disagree)}")
    for key, (theirs, mine) in sorted(disagree.items()):
        print(f"  {key}: stock {theirs}, ours {mine}")
    assert open_scores == our_scores, "sandboxing changed a score"
    shutil.rmtree(work, ignore_errors=True)
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
