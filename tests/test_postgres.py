"""A PostgreSQL gradebook: a real server from Debian's packages on 127.0.0.1."""
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import nbformat
import pytest

from autograder import course, demo, gradebook, grading, release
from conftest import totals

ASSIGNMENT = course.assignments()[0]


def _pg_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=False, capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="module")
def postgres_url():
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed and cannot be installed here (needs root and apt-get)")
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("the postgres system user is missing (Debian's postgresql package creates it)")
    data = Path(tempfile.mkdtemp(prefix="gradebook-pg-"))
    os.chown(data, user.pw_uid, user.pw_gid)
    as_postgres = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(as_postgres + [str(bin_dir / "initdb"), "-D", str(data / "db"), "--auth=trust",
                                  "-U", "postgres"], check=True, capture_output=True)
    subprocess.run(as_postgres + [str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-w", "-l",
                                  str(data / "log"), "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {data}",
                                  "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_postgres + [str(bin_dir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate",
                                      "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_grades_go_into_a_postgresql_gradebook(postgres_url, tmp_path):
    root = tmp_path / "class"
    for student, nb in (("ada", demo.answered(ASSIGNMENT)),
                        ("linus", release.student_version(course.read_source(ASSIGNMENT)))):
        path = root / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
    records = grading.grade(root, tmp_path / "out", db_url=postgres_url, workers=2, progress=False)
    scores = gradebook.scores(postgres_url)
    assert scores == {key: got for key, (got, _) in totals(records).items()}
    assert scores[("ada", ASSIGNMENT)] > 0 and scores[("linus", ASSIGNMENT)] == 0
    assert not (tmp_path / "out" / "gradebook.db").exists()
