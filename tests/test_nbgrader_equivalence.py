"""Stock nbgrader (generate_assignment, autograde) agrees with this course's tools.

Stock nbgrader grades the demo class (reference answers, release stubs and
common mistakes) in a course folder of its own; the scores must equal ours.
Its release of each source must also equal the committed ``notebooks/``.
"""
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from autograder import course, gradebook
from conftest import totals

ASSIGNMENTS = course.assignments()
LANES = (ASSIGNMENTS[0::2], ASSIGNMENTS[1::2])  # assignments autograded by each copy of the course


def _nbgrader(course_dir, *args):
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]


def _configure(root):
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(root)!r}\n"
        "c.Execute.timeout = 300\n")


@pytest.fixture(scope="module")
def stock_course(demo_class, tmp_path_factory):
    """A stock nbgrader course with the demo class autograded; returns its
    folders: the first holds the release, each one part of the grades."""
    root = tmp_path_factory.mktemp("stock-course")
    _configure(root)
    for assignment in ASSIGNMENTS:
        (root / "source" / assignment).mkdir(parents=True)
        shutil.copy(course.source_path(assignment), root / "source" / assignment)
        _nbgrader(root, "generate_assignment", assignment, "--force")
    for path in demo_class.glob("*/*/*.ipynb"):
        student, assignment = path.parent.parent.name, path.parent.name
        if student == "mallory":  # unreadable on purpose: stock nbgrader cannot grade it
            continue
        target = root / "submitted" / student / assignment
        target.mkdir(parents=True)
        shutil.copy(path, target)
    # Two copies of the course autograde alternate assignments side by side,
    # each into its own gradebook (SQLite takes one writer at a time).
    lanes = [root, tmp_path_factory.mktemp("stock-course-2")]
    shutil.copytree(root, lanes[1], dirs_exist_ok=True)
    _configure(lanes[1])

    def autograde(lane, assignments):
        for assignment in assignments:
            _nbgrader(lane, "autograde", assignment, "--force")

    with ThreadPoolExecutor(len(lanes)) as pool:
        list(pool.map(autograde, lanes, LANES))
    return lanes


def test_stock_release_equals_ours(stock_course):
    for assignment in ASSIGNMENTS:
        stock = nbformat.read(stock_course[0] / "release" / assignment / f"{assignment}.ipynb", as_version=4)
        ours = nbformat.read(course.release_path(assignment), as_version=4)
        assert [c.source for c in stock.cells] == [c.source for c in ours.cells], assignment
        assert [c.metadata for c in stock.cells] == [c.metadata for c in ours.cells], assignment


def test_stock_autograde_gives_our_scores(stock_course, demo_graded):
    _, records = demo_graded
    stock = {}
    for lane, assignments in zip(stock_course, LANES):
        stock |= {key: score for key, score in gradebook.scores(f"sqlite:///{lane / 'gradebook.db'}").items()
                  if key[1] in assignments}
    ours = {key: got for key, (got, _) in totals(records).items() if key[0] != "mallory"}
    assert stock == pytest.approx(ours)
