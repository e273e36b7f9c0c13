"""Write grades into nbgrader's gradebook (SQLAlchemy; SQLite by default).

The course's structure (assignments, notebooks, grade and solution cells) is
recorded the way ``nbgrader generate_assignment`` records it, so nbgrader's
formgrader and ``nbgrader export`` read our grades like their own.
"""
import copy
import os
import sys
import warnings
from pathlib import Path

from nbgrader.api import Gradebook
from sqlalchemy import exc as sa_exc
from nbgrader.preprocessors import ComputeChecksums, SaveCells

from . import course

# A new gradebook asks the `alembic` command for its schema version; it is
# installed beside this interpreter, which may not be on PATH.
_BIN = str(Path(sys.executable).parent)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")


def record_assignment(db_url, assignment, source_nb):
    """Create or refresh ``assignment``'s notebook and cells in the gradebook."""
    with Gradebook(db_url) as gb:
        gb.update_or_create_assignment(assignment)
    nb, resources = ComputeChecksums().preprocess(copy.deepcopy(source_nb), {})
    resources["nbgrader"] = {"notebook": assignment, "assignment": assignment, "db_url": db_url}
    SaveCells().preprocess(nb, resources)


def record_grades(db_url, student, assignment, records):
    """Store one submission's scores (one grade per test cell), replacing earlier ones."""
    with Gradebook(db_url) as gb, warnings.catch_warnings():
        # nbgrader's own submission code trips SQLAlchemy's autoflush warnings.
        warnings.simplefilter("ignore", category=sa_exc.SAWarning)
        gb.update_or_create_student(student)
        gb.update_or_create_submission(assignment, student)
        for rec in records:
            if not rec.grade_id:
                continue
            grade = gb.find_grade(rec.grade_id, assignment, assignment, student)
            grade.auto_score = rec.score
            grade.needs_manual_grade = False
        gb.db.commit()


def scores(db_url):
    """``{(student, assignment): total auto score}`` as the gradebook holds them."""
    with Gradebook(db_url) as gb:
        return {(sub.student.id, sub.assignment.name): sub.score
                for assignment in gb.assignments for sub in assignment.submissions}
