"""Grading on a real Dask cluster (scheduler and two workers on 127.0.0.1)
gives the same results as grading locally."""
import socket
import subprocess
import sys
import time

import pytest

from autograder import course, grading

ASSIGNMENT = course.assignments()[0]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler():
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                      "--no-dashboard"], stderr=subprocess.DEVNULL)]
    procs += [subprocess.Popen(dask + ["worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                       "--no-dashboard", "--name", f"w{i}"], stderr=subprocess.DEVNULL)
              for i in range(2)]
    try:
        import distributed
        deadline = time.monotonic() + 120
        while True:
            try:
                with distributed.Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=60)
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield address
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def test_dask_cluster_grades_like_local_workers(scheduler, demo_class, demo_graded, tmp_path):
    _, local = demo_graded
    remote = grading.grade(demo_class, tmp_path, scheduler=scheduler, assignments=[ASSIGNMENT], progress=False)
    assert remote == [r for r in local if r.assignment == ASSIGNMENT]
    assert (tmp_path / "gradebook.db").is_file() and (tmp_path / "grades.csv").is_file()
