"""Generate the student release in ``notebooks/`` from ``solutions/``.

The release is made by nbgrader's own preprocessors, in the order
``nbgrader generate_assignment`` runs them (less the ones that need a
gradebook), so stock nbgrader tools accept it: answers become
``raise NotImplementedError()`` stubs, hidden tests disappear, outputs are
cleared, cells are locked and checksummed. The output is a pure function of
the source, so running it twice changes nothing.

Each source's first cell, the Colab setup cell, is derived too
(``autograder.colab``): ``release`` rewrites it in ``solutions/`` when the
notebook's imports, the pins or the repository URL change.
"""
import copy

import nbformat
from nbgrader.preprocessors import (
    CheckCellMetadata, ClearHiddenTests, ClearMarkScheme, ClearOutput, ClearSolutions,
    ComputeChecksums, LockCells,
)

from . import colab, course

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


def _write_if_changed(path, text, changed):
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(path)


def source_text(assignment):
    """The exact file content of ``assignment``'s source with a current Colab cell."""
    source = course.read_source(assignment)
    return nbformat.writes(colab.with_setup_cell(source, student_version(source))) + "\n"


def release(assignments=None):
    """Refresh each source's Colab cell, then write each release; return the paths that changed."""
    changed = []
    for assignment in assignments or course.assignments():
        _write_if_changed(course.source_path(assignment), source_text(assignment), changed)
        _write_if_changed(course.release_path(assignment), release_text(assignment), changed)
    return changed


def stale(assignments=None):
    """Sources with an outdated Colab cell, release files that differ from what
    the sources generate, and stray release files."""
    wanted = set(assignments or course.assignments())
    problems = [str(course.source_path(a)) for a in sorted(wanted)
                if course.source_path(a).read_text(encoding="utf-8") != source_text(a)]
    problems += [str(course.release_path(a)) for a in sorted(wanted)
                 if not course.release_path(a).is_file()
                 or course.release_path(a).read_text(encoding="utf-8") != release_text(a)]
    if assignments is None and course.NOTEBOOKS.is_dir():
        problems += [str(p) for p in sorted(course.NOTEBOOKS.glob("*/*.ipynb"))
                     if p.parent.name not in wanted]
    return problems
