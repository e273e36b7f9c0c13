"""Grade many versions of one answer cell cheaply: one kernel per notebook.

The reference notebook runs once (demonstrations skipped); then each variant
replaces its answer cell in the live kernel, the test cells that check that
answer run again, and the reference answer is restored. A variant that hangs
or kills the kernel costs a fresh kernel, not the run. This verifies the
answer bank, and scores mutants (``mutate``).
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


def bank(assignment):
    """``(grade_id, name, expected, code)`` for every variant in the answer bank."""
    correct, wrong = variants.load(assignment)
    for gid, named in sorted(correct.items()):
        for name, code in named.items():
            yield gid, name, "correct", code
    for gid, named in sorted(wrong.items()):
        for name, (code, text) in named.items():
            yield gid, name, text, code


async def _reference_session(nb, scratch, limits):
    session = execute.Session(nb, limits=limits, cwd=Path(scratch), env=grading.kernel_env(scratch),
                              sandboxed=False)
    await session.__aenter__()
    await session.run_hidden(grading.PREAMBLE)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            if course.is_test(cell):
                await session.run_hidden(execute.RESEED)
            await session.run(index)
    return session


async def _run(assignment, todo, limits):
    source = course.read_source(assignment)
    nb, _ = submissions.sanitise(source, release.student_version(source), demo.answered(assignment))
    nb = grading.without_demos(nb)
    answer_at = {course.grade_id(c): i for i, c in enumerate(nb.cells) if course.is_answer(c)}
    results = []
    with tempfile.TemporaryDirectory(prefix="variants-") as scratch:
        session = await _reference_session(nb, scratch, limits)
        try:
            for gid, name, expected, code in todo:
                index = answer_at[gid]
                original = nb.cells[index]
                await session.run(index, nbformat.v4.new_code_cell(code, metadata=original.metadata))
                records, broken = [], False
                for j in tests_of(nb, index):
                    await session.run_hidden(execute.RESEED)
                    result = await session.run(j)
                    records.append(scoring.score_cell("variant", assignment, nb.cells[j], result, "the kernel stopped"))
                    broken = broken or result.status == "died" or (
                        result.status == "timeout" and not await session.responsive())
                    if broken:
                        break
                results.append(VariantResult(gid, name, expected, records))
                if broken:
                    await session.__aexit__(None, None, None)
                    session = await _reference_session(nb, scratch, limits)
                else:
                    await session.run(index, original)
        finally:
            await session.__aexit__(None, None, None)
    return results


def run(assignment, todo, limits=Limits()):
    """Grade each ``(grade_id, name, expected, code)`` of ``todo``; a list of ``VariantResult``."""
    return asyncio.run(_run(assignment, list(todo), limits))


def check(assignment, limits=Limits()):
    """Grade every variant in ``assignment``'s answer bank."""
    return run(assignment, bank(assignment), limits)
