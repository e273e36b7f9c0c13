"""Shared fixtures: the demo class, graded once per test session."""
from collections import defaultdict

import pytest

from autograder import demo, grading


def totals(records):
    """``{(student, assignment): (score, max_score)}``."""
    sums = defaultdict(lambda: [0.0, 0.0])
    for r in records:
        sums[(r.student_id, r.assignment)][0] += r.score
        sums[(r.student_id, r.assignment)][1] += r.max_score
    return {key: tuple(value) for key, value in sums.items()}


@pytest.fixture(scope="session")
def demo_class(tmp_path_factory):
    """The demo submissions, built from the solutions."""
    return demo.build(tmp_path_factory.mktemp("demo") / "submissions")


@pytest.fixture(scope="session")
def demo_graded(demo_class, tmp_path_factory):
    """``(output folder, records)`` of grading the demo class."""
    out = tmp_path_factory.mktemp("demo-graded")
    return out, grading.grade(demo_class, out, workers=2, progress=False)


@pytest.fixture(scope="session")
def demo_graded_full(demo_class, tmp_path_factory):
    """The same, running every cell (demonstrations included)."""
    out = tmp_path_factory.mktemp("demo-graded-full")
    return out, grading.grade(demo_class, out, workers=2, skip_demos=False, progress=False)
