"""The conda/Binder environment and the pip requirements pin the same packages."""
import sys

import yaml

from autograder import course
from autograder.colab import pins
CPU_TORCH = "--extra-index-url https://download.pytorch.org/whl/cpu"


def test_environment_yml_matches_requirements():
    env = yaml.safe_load((course.ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert pip_section[0] == CPU_TORCH, "conda/Binder take PyTorch's CPU build, as pip does here"
    assert all(pins([line]) for line in pip_section[1:]), "every other pip entry is an exact pin"
    requirements = (course.ROOT / "requirements.txt").read_text().splitlines()
    assert pins(pip_section) == pins(requirements)


def test_required_packages_are_pinned():
    pinned = pins((course.ROOT / "requirements.txt").read_text().splitlines())
    for name in ("numpy", "matplotlib", "scikit-learn", "jupyterlab", "notebook", "nbgrader",
                 "nbclient", "ipywidgets", "tqdm", "tensorflow-cpu", "torch"):
        assert name in pinned, f"{name} is not pinned in requirements.txt"
    assert pinned["torch"] == "2.13.0" and pinned["tensorflow-cpu"] == "2.21.0"
    assert pinned["nbgrader"] == "0.9.6"


def test_running_the_pinned_python():
    assert sys.version_info[:2] == (3, 11)
