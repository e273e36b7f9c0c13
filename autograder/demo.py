"""The demo class: sample submissions made from the solutions.

- ``ada`` answers everything as the solutions do (full marks);
- ``grace`` makes a common mistake in every other exercise (partial marks);
- ``linus`` hands in the release untouched (zero);
- ``mallory`` hands in a truncated file for one assignment and misfiles
  another (``invalid`` and ``missing``, with the reason).
"""
import copy
import re
import shutil

import nbformat

from . import course, release, variants

_DELIMITER = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


def answered(assignment, answers=None):
    """The release notebook with its answer cells filled in: from ``answers``
    (grade_id -> cell source) where given, else from the solutions."""
    source = course.read_source(assignment)
    solutions = {course.grade_id(c): _DELIMITER.sub("", c.source)
                 for c in source.cells if course.is_answer(c)}
    nb = release.student_version(source)
    for cell in nb.cells:
        gid = course.grade_id(cell)
        if course.is_answer(cell):
            cell.source = (answers or {}).get(gid, solutions[gid])
    return nb


def partly_wrong(assignment):
    """The release answered from the solutions, but with the first common
    mistake of the bank in every other exercise."""
    _, wrong = variants.load(assignment)
    answers = {}
    for index, gid in enumerate(sorted(wrong)):
        if index % 2 == 0 and wrong[gid]:
            code, _ = next(iter(wrong[gid].values()))
            answers[gid] = code
    return answered(assignment, answers)


def build(root):
    """Write the demo class under ``root`` (replacing what was there); return ``root``."""
    shutil.rmtree(root, ignore_errors=True)
    assignments = course.assignments()

    def save(student, assignment, nb, name=None):
        path = root / student / assignment / (name or f"{assignment}.ipynb")
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        return path

    for assignment in assignments:
        save("ada", assignment, answered(assignment))
        save("grace", assignment, partly_wrong(assignment))
        save("linus", assignment, copy.deepcopy(release.student_version(course.read_source(assignment))))
    first = assignments[0]
    broken = save("mallory", first, answered(first))
    broken.write_text(broken.read_text(encoding="utf-8")[:1000], encoding="utf-8")
    if len(assignments) > 1:
        save("mallory", assignments[1], answered(assignments[1]), name="my_homework.ipynb")
    return root
