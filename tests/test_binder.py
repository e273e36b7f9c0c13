"""Binder builds the course from environment.yml: repo2docker, the tool behind
Binder, is asked which image it would build for this repository (without
building it, which needs a Docker engine)."""
import shutil
import subprocess
import sys
from pathlib import Path

from autograder import course


def test_repo2docker_builds_from_environment_yml_and_runs_postbuild(tmp_path):
    top_level = subprocess.run(["git", "ls-files"], cwd=course.ROOT, capture_output=True, text=True,
                               check=True).stdout.split()
    for name in top_level:
        if "/" not in name:
            shutil.copy2(course.ROOT / name, tmp_path / name)
    assert not {"binder", ".binder"} & {n.split("/")[0] for n in top_level}, \
        "a binder/ folder would replace the top-level configuration"
    repo2docker = Path(sys.executable).parent / "repo2docker"
    run = subprocess.run([str(repo2docker), "--no-build", "--no-run", "--debug", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    dockerfile = run.stdout + run.stderr
    assert "Building conda environment for python=3.11" in dockerfile
    assert '--file "environment.yml"' in dockerfile, "the conda environment comes from environment.yml"
    assert "RUN ./postBuild" in dockerfile, "postBuild installs the course's helpers"
    assert "requirements.txt" not in dockerfile.split("src/environment.yml", 1)[1], \
        "environment.yml takes precedence: requirements.txt is not installed on top"
