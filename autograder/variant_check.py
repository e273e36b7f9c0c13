"""Grade many versions of one answer cell cheaply: one kernel per notebook.

The reference notebook runs once; then each variant replaces its answer cell
in the live kernel, the test cells that check that answer run again, and the
reference answer is restored. This is how the answer bank is verified.
"""
import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import course, demo, execute, grading, release, scoring, submissions, variants
from .limits import Limits


@dataclass
class VariantResult:
    grade_id: str       # the answer cell
    name: str
    expected: str       # "correct", or the text a failure message must contain
    records: list       # one per test cell of this answer


def tests_of(nb, index):
    """Indices of the test cells that check the answer cell at ``index``: the
    test cells after it, up to the next answer cell that follows them."""
    found = []
    for j in range(index + 1, len(nb.cells)):
        if course.is_answer(nb.cells[j]) and found:
            break
        if course.is_test(nb.cells[j]):
            found.append(j)
    return found


def _variants(assignment):
    correct, wrong = variants.load(assignment)
    for gid, named in sorted(correct.items()):
        for name, code in named.items():
            yield gid, name, "correct", code
    for gid, named in sorted(wrong.items()):
        for name, (code, text) in named.items():
            yield gid, name, text, code


async def _run(assignment, limits):
    source = course.read_source(assignment)
    nb, _ = submissions.sanitise(source, release.student_version(source), demo.answered(assignment))
    answer_at = {course.grade_id(c): i for i, c in enumerate(nb.cells) if course.is_answer(c)}
    results = []
    with tempfile.TemporaryDirectory(prefix="variants-") as scratch:
        async with execute.Session(nb, limits=limits, cwd=Path(scratch), env=grading.kernel_env(scratch),
                                   sandboxed=False) as session:
            await session.run_hidden(grading.PREAMBLE)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    await session.run(index)
            for gid, name, expected, code in _variants(assignment):
                index = answer_at[gid]
                original = nb.cells[index]
                await session.run(index, nbformat.v4.new_code_cell(code, metadata=original.metadata))
                records = [scoring.score_cell("variant", assignment, nb.cells[j], await session.run(j), "")
                           for j in tests_of(nb, index)]
                await session.run(index, original)
                results.append(VariantResult(gid, name, expected, records))
    return results


def check(assignment, limits=Limits()):
    """Grade every variant in ``assignment``'s answer bank; a list of ``VariantResult``."""
    return asyncio.run(_run(assignment, limits))
