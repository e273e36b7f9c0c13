"""Grade a folder of submissions: one job per notebook, one writer for the results.

Each job (read, sanitise against the source, execute, score) runs in a worker
process of its own and returns plain records; the parent alone writes the
gradebook, the feedback pages and ``grades.csv``, so the same jobs can run on
a local pool or anywhere else.
"""
import asyncio
import copy
import csv
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import nbformat
from tqdm.auto import tqdm

from . import course, execute, feedback, gradebook, journal, release, sandbox, scoring, submissions
from .limits import Limits

# Runs before the notebook: fixed seeds, and the guard armed before any student code.
PREAMBLE = ("import random as _r, numpy as _np, autograder.guard as _g\n"
            "_r.seed(0); _np.random.seed(0); _g.arm()\ndel _r, _np, _g\n")
_PASSED_ON = ("PATH", "LANG", "LC_ALL", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def kernel_env(scratch):
    """The environment of a grading kernel: a few variables passed on, no secrets,
    fixed seeds, the scratch folder as home, one BLAS thread and no figure
    rendering (nobody looks at them)."""
    env = {key: os.environ[key] for key in _PASSED_ON if key in os.environ}
    return {**env, "HOME": str(scratch), "MPLCONFIGDIR": str(Path(scratch) / ".matplotlib"), "MPLBACKEND": "Agg",
            "PYTHONHASHSEED": "0", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONDONTWRITEBYTECODE": "1",
            "OMP_NUM_THREADS": "1"}


class SandboxUnavailable(RuntimeError):
    """Students' code would run unconfined; the message says why."""


@dataclass
class Outcome:
    """What grading one submission produced."""
    submission: submissions.Submission
    records: list
    notes: list = field(default_factory=list)
    executed: str | None = None  # the executed notebook, for the instructor


def without_demos(nb):
    """``nb`` less the cells that only demonstrate (see ``course.is_demo``)."""
    lean = copy.copy(nb)
    lean.cells = [cell for cell in nb.cells if not course.is_demo(cell)]
    return lean


def _execute(nb, limits, sandboxed):
    with tempfile.TemporaryDirectory(prefix="grading-") as scratch:
        return asyncio.run(execute.run_cells(
            nb, limits=limits, cwd=Path(scratch), env=kernel_env(scratch), sandboxed=sandboxed,
            preamble=PREAMBLE, guarded={i for i, c in enumerate(nb.cells) if course.is_test(c)}))


def grade_one(sub, limits=Limits(), sandboxed=True, skip_demos=True):
    """Grade one submission (runs in a worker process).

    With ``skip_demos``, cells that only demonstrate are not run; if a test
    then meets an undefined name (an answer that leaned on a demonstration's
    variables), the whole notebook runs again and that run counts.
    """
    source = course.read_source(sub.assignment) if sub.assignment in course.assignments() else None
    if sub.status != "pending":
        return Outcome(sub, scoring.unreadable(sub.student, sub.assignment, sub.status, sub.reason, source))
    try:
        student_nb = submissions.read_notebook(sub.path)
    except submissions.InvalidNotebook as exc:
        return Outcome(sub, scoring.unreadable(sub.student, sub.assignment, "invalid", str(exc), source))
    nb, notes = submissions.sanitise(source, release.student_version(source), student_nb)
    run = without_demos(nb) if skip_demos else nb
    results = _execute(run, limits, sandboxed)
    if run is not nb and any(r is not None and r.ename == "NameError" and course.is_test(c)
                             for c, r in zip(run.cells, results)):
        run, results = nb, _execute(nb, limits, sandboxed)
    records = scoring.score_notebook(sub.student, sub.assignment, run, results)
    return Outcome(sub, records, notes, nbformat.writes(run))


def _write_outcome(out, db_url, outcome, visible_tests):
    sub = outcome.submission
    if sub.assignment in visible_tests:
        gradebook.record_grades(db_url, sub.student, sub.assignment, outcome.records)
        page = feedback.page(sub.student, sub.assignment, outcome.records, outcome.notes,
                             visible_tests[sub.assignment])
        target = out / "feedback" / sub.student / sub.assignment / f"{sub.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    if outcome.executed is not None:
        target = out / "autograded" / sub.student / sub.assignment / f"{sub.assignment}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(outcome.executed, encoding="utf-8")


def write_csv(path, records):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=scoring.FIELDS)
        writer.writeheader()
        for rec in records:
            writer.writerow(rec.row())


def _die_with_parent():
    """Worker initializer: end this worker (and so its sandbox) if the grader is killed."""
    import ctypes
    import signal
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@contextmanager
def _engine(workers, scheduler):
    """``(submit, as_completed)`` of a local process pool, or of the Dask
    cluster at ``scheduler`` (``tcp://host:port``)."""
    if scheduler:
        import distributed
        with distributed.Client(scheduler) as client:
            yield (lambda *args: client.submit(grade_one, *args, pure=False)), distributed.as_completed
    else:
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count(), mp_context=get_context("spawn"),
                                 initializer=_die_with_parent) as pool:
            yield (lambda *args: pool.submit(grade_one, *args)), as_completed


def grade(root, out, *, workers=None, scheduler=None, db_url=None, assignments=None, limits=Limits(),
          sandboxed=True, skip_demos=True, progress=True):
    """Grade every submission under ``root`` into ``out``; return the records.

    Jobs run on ``workers`` local processes, or on the Dask cluster at
    ``scheduler``; either way this process alone writes the results.

    Results already in the output's journal for unchanged submissions are
    kept, so an interrupted run resumes and a repeated one regrades nothing.
    With ``sandboxed`` (the default) grading refuses to start where the
    sandbox cannot run, rather than run students' code unconfined.
    """
    if sandboxed and (reason := sandbox.unavailable_reason()):
        raise SandboxUnavailable(reason)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db_url = db_url or f"sqlite:///{(out / 'gradebook.db').resolve()}"
    subs = submissions.discover(root, assignments)
    visible_tests = {}
    for assignment in sorted({s.assignment for s in subs} & set(course.assignments())):
        source = course.read_source(assignment)
        gradebook.record_assignment(db_url, assignment, source)
        visible_tests[assignment] = {course.grade_id(c): c.source
                                     for c in course.test_cells(release.student_version(source))}
    done = journal.Journal(out / "journal.jsonl")
    outcomes = {}
    for sub in subs:
        if (previous := done.finished(sub)) is not None:
            outcomes[(sub.student, sub.assignment)] = Outcome(sub, *previous)
    todo = [sub for sub in subs if (sub.student, sub.assignment) not in outcomes]
    bar = tqdm(total=len(subs), initial=len(outcomes), unit="notebook", desc="grading", disable=not progress)
    with _engine(workers, scheduler) as (submit, completed):
        futures = {submit(sub, limits, sandboxed, skip_demos): sub for sub in todo}
        for future in completed(futures):
            sub = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # a bug or a lost worker: record it, go on, retry next run
                outcome = Outcome(sub, scoring.unreadable(
                    sub.student, sub.assignment, "error",
                    f"the grader failed on this submission ({type(exc).__name__}: {exc}); grade again to retry.",
                    course.read_source(sub.assignment)))
            else:
                done.add(sub, outcome.records, outcome.notes)
            _write_outcome(out, db_url, outcome, visible_tests)
            outcomes[(sub.student, sub.assignment)] = outcome
            bar.update()
    bar.close()
    done.keep_only(outcomes)
    records = [rec for key in sorted(outcomes) for rec in outcomes[key].records]
    write_csv(out / "grades.csv", records)
    return records
