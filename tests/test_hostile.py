"""A corpus of hostile and broken submissions, graded in one batch.

Each case states its expected outcome: no points gained by cheating, the
right status and message, the batch completed, honest students' grades
intact, protected paths and the network out of reach, no process left over.
"""
import json
import socket
import subprocess

import nbformat
import pytest

from autograder import course, demo, grading, sandbox, variants
from autograder.limits import Limits

ASSIGNMENT = course.assignments()[0]
LIMITS = Limits(cell_timeout=10, notebook_timeout=240)


def _with_cell(code, answers=None):
    """The assignment answered (by the solutions unless ``answers`` says
    otherwise), with ``code`` as a cell the student added near the top."""
    nb = demo.answered(ASSIGNMENT, answers)
    nb.cells.insert(2, nbformat.v4.new_code_cell(code))
    return nb


def _wrong_answers():
    _, wrong = variants.load(ASSIGNMENT)
    return {gid: next(iter(named.values()))[0] for gid, named in wrong.items() if named}


PATCH_HELPERS = """
import numpy, numpy.testing, autograder.checks as c
for name in dir(c):
    if name.startswith("check"):
        setattr(c, name, lambda *a, **k: a[0] if a else None)
numpy.allclose = lambda *a, **k: True
numpy.testing.assert_allclose = lambda *a, **k: None
"""
HIDE_ERRORS = """
ip = get_ipython()
ip.showtraceback = lambda *a, **k: None
ip.set_custom_exc((BaseException,), lambda *a, **k: None)
"""
FORGE_SUCCESS = """
ip = get_ipython()
_run = ip.run_cell
def run_cell(*args, **kwargs):
    result = _run(*args, **kwargs)
    result.error_in_exec = None
    return result
ip.run_cell = run_cell
"""
STUBBORN = """
import time
while True:
    try:
        time.sleep(0.05)
    except KeyboardInterrupt:
        pass
"""
SPY = """
import json, os, socket
found = {{"uid": os.getuid(), "pids": len([p for p in os.listdir("/proc") if p.isdigit()])}}
for path in {paths!r}:
    found[path] = os.path.exists(path)
for host, port in [("127.0.0.1", {port}), ("1.1.1.1", 53)]:
    try:
        socket.create_connection((host, port), timeout=2).close()
        found[f"{{host}}:{{port}}"] = True
    except OSError:
        found[f"{{host}}:{{port}}"] = False
print("SPY" + json.dumps(found))
"""

CASES = {
    # student: (notebook maker, expectation)
    "honest": (lambda ctx: demo.answered(ASSIGNMENT), "full"),
    "infinite-loop": (lambda ctx: _with_cell("while True:\n    pass"), "full"),
    "stubborn-loop": (lambda ctx: _with_cell(STUBBORN), "stopped"),
    "exits": (lambda ctx: _with_cell("import os\nos._exit(3)"), "stopped"),
    "segfault": (lambda ctx: _with_cell("import ctypes\nctypes.string_at(0)"), "stopped"),
    "kills-everything": (lambda ctx: _with_cell("import os, signal\nos.kill(-1, signal.SIGKILL)"), "full"),
    "kills-its-parent": (lambda ctx: _with_cell("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"), "full"),
    "memory-hog": (lambda ctx: _with_cell("hog = bytearray(64 * 2**30)"), "full"),
    "floods-output": (lambda ctx: _with_cell("for _ in range(300):\n    print('x' * 100_000)"), "full"),
    "daemon": (lambda ctx: _with_cell("import subprocess\nsubprocess.Popen(['sleep', '600'], start_new_session=True)"), "full"),
    "fork-bomb": (lambda ctx: _with_cell("import subprocess\nkids = []\ntry:\n    for _ in range(2000):\n        kids.append(subprocess.Popen(['sleep', '60']))\nexcept OSError as exc:\n    print('stopped at', len(kids), exc)"), "full"),
    "patches-helpers": (lambda ctx: _with_cell(PATCH_HELPERS, _wrong_answers()), "tampered"),
    "hides-errors": (lambda ctx: _with_cell(HIDE_ERRORS, _wrong_answers()), "zero"),
    "forges-success": (lambda ctx: _with_cell(FORGE_SUCCESS, _wrong_answers()), "tampered"),
    "spy": (lambda ctx: _with_cell(SPY.format(paths=ctx["protected"], port=ctx["port"])), "full"),
    "duplicate-ids": (lambda ctx: _duplicate_ids(), "full"),
}


def _duplicate_ids():
    text = json.loads(nbformat.writes(demo.answered(ASSIGNMENT)))
    for cell in text["cells"]:
        cell["id"] = "same-id"
    return json.dumps(text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-class")
    out = tmp_path_factory.mktemp("hostile-out")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    ctx = {"port": listener.getsockname()[1],
           "protected": [str(course.SOLUTIONS), str(course.source_path(ASSIGNMENT)), str(out),
                         str(out / "gradebook.db"), str(root), str(root / "honest"), "/home",
                         str(course.ROOT / "tests")]}
    for student, (make, _) in CASES.items():
        path = root / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        path.parent.mkdir(parents=True)
        nb = make(ctx)
        path.write_text(nb if isinstance(nb, str) else nbformat.writes(nb))
    (root / "misfiled").mkdir()
    nbformat.write(demo.answered(ASSIGNMENT), root / "misfiled" / f"{ASSIGNMENT}.ipynb")
    (root / "no-notebook" / ASSIGNMENT).mkdir(parents=True)
    (root / "wrong-name" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(demo.answered(ASSIGNMENT), root / "wrong-name" / ASSIGNMENT / "final (1).ipynb")
    (root / "not-json" / ASSIGNMENT).mkdir(parents=True)
    (root / "not-json" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    try:
        records = grading.grade(root, out, workers=2, limits=LIMITS, progress=False)
    finally:
        listener.close()
    return records, out


def _mine(hostile, student):
    return [r for r in hostile[0] if r.student_id == student]


def _max(student_records):
    return sum(r.max_score for r in student_records)


@pytest.mark.parametrize("student", [s for s, (_, e) in CASES.items() if e == "full"])
def test_disruptive_code_does_not_cost_correct_answers(hostile, student):
    mine = _mine(hostile, student)
    assert mine and all(r.status == "ok" for r in mine), [r.message for r in mine if r.status != "ok"]


@pytest.mark.parametrize("student", [s for s, (_, e) in CASES.items() if e == "stopped"])
def test_a_kernel_that_dies_or_hangs_stops_only_its_own_notebook(hostile, student):
    mine = _mine(hostile, student)
    assert mine and all(r.score == 0 for r in mine)
    assert all("not run" in r.message for r in mine), [r.message for r in mine]
    assert any(word in mine[0].message for word in ("died", "did not stop"))


@pytest.mark.parametrize("student", [s for s, (_, e) in CASES.items() if e in ("tampered", "zero")])
def test_cheating_gains_nothing(hostile, student):
    mine = _mine(hostile, student)
    assert mine and sum(r.score for r in mine) == 0
    if CASES[student][1] == "tampered":
        assert all("replaced what the tests rely on" in r.message for r in mine)


def test_sandbox_hides_protected_paths_and_the_network(hostile):
    _, out = hostile
    nb = nbformat.read(out / "autograded" / "spy" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    found = json.loads(printed.split("SPY", 1)[1].splitlines()[0])
    assert found.pop("uid") != 0
    assert found.pop("pids") < 10, "the kernel sees only its own processes"
    assert not any(found.values()), {k: v for k, v in found.items() if v}


def test_output_is_capped(hostile):
    _, out = hostile
    path = out / "autograded" / "floods-output" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert path.stat().st_size < 4 * 2**20
    assert "output truncated" in path.read_text()


def test_no_process_outlives_grading(hostile):
    table = subprocess.run(["ps", "-e", "-o", "uid=,args="], capture_output=True, text=True).stdout
    left = [line for line in table.splitlines() if int(line.split()[0]) in sandbox.SANDBOX_UIDS]
    assert left == []


@pytest.mark.parametrize("student, status, words", [
    ("misfiled", "missing", f"must be at 'misfiled/{ASSIGNMENT}/{ASSIGNMENT}.ipynb'"),
    ("no-notebook", "missing", "no notebook"),
    ("wrong-name", "missing", "final (1).ipynb"),
    ("not-json", "invalid", "not text"),
])
def test_misplaced_and_unreadable_files_get_a_reason(hostile, student, status, words):
    mine = _mine(hostile, student)
    assert mine and all(r.status == status and r.score == 0 and words in r.message for r in mine)
    assert len(mine) == len(course.test_cells(course.read_source(ASSIGNMENT)))


def test_every_student_of_the_batch_is_recorded(hostile):
    students = {r.student_id for r in hostile[0]}
    assert students == set(CASES) | {"misfiled", "no-notebook", "wrong-name", "not-json"}
