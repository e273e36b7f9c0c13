"""Generate the student release in ``notebooks/`` from ``solutions/``.

The release is made by nbgrader's own preprocessors, in the order
``nbgrader generate_assignment`` runs them (less the ones that need a
gradebook), so stock nbgrader tools accept it: answers become
``raise NotImplementedError()`` stubs, hidden tests disappear, outputs are
cleared, cells are locked and checksummed. The output is a pure function of
the source, so running it twice changes nothing.
"""
import copy

import nbformat
from nbgrader.preprocessors import (
    CheckCellMetadata, ClearHiddenTests, ClearMarkScheme, ClearOutput, ClearSolutions,
    ComputeChecksums, LockCells,
)

from . import course

_PIPELINE = (LockCells, ClearSolutions, ClearOutput, CheckCellMetadata, ComputeChecksums,
             ClearHiddenTests, ClearMarkScheme, ComputeChecksums, CheckCellMetadata)


def student_version(source_nb):
    """The release notebook for a source notebook (the input is not modified)."""
    nb = copy.deepcopy(source_nb)
    resources = {}
    for step in _PIPELINE:
        nb, resources = step().preprocess(nb, resources)
    return nb


def release_text(assignment):
    """The exact file content of ``assignment``'s release notebook."""
    return nbformat.writes(student_version(course.read_source(assignment))) + "\n"


def release(assignments=None):
    """Write the release of each assignment; return the paths that changed."""
    changed = []
    for assignment in assignments or course.assignments():
        path = course.release_path(assignment)
        text = release_text(assignment)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale(assignments=None):
    """Release files that differ from what the sources generate, and stray ones."""
    wanted = set(assignments or course.assignments())
    problems = [str(course.release_path(a)) for a in sorted(wanted)
                if not course.release_path(a).is_file()
                or course.release_path(a).read_text(encoding="utf-8") != release_text(a)]
    if assignments is None and course.NOTEBOOKS.is_dir():
        problems += [str(p) for p in sorted(course.NOTEBOOKS.glob("*/*.ipynb"))
                     if p.parent.name not in wanted]
    return problems
