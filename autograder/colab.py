"""The first cell of every notebook: on Google Colab, install what it needs.

Colab opens a single notebook file, without the rest of the repository, so
the course's checking helpers (``autograder.checks``) and any package the
notebook imports that Colab lacks must be installed there. Everywhere else
(a clone, Binder) the pinned environment already has them and the cell does
nothing. The cell is generated from the notebook's imports, the pins in
``requirements.txt`` and the repository URL in ``pyproject.toml``;
``python -m autograder release`` keeps each source notebook's copy current.
"""
import ast
import re
import sys
import tomllib

import nbformat

from . import course

GRADE_ID = "colab_setup"
PACKAGE = "deepnets-autograder"
# Import name -> pip distribution, where they differ.
DISTRIBUTIONS = {"sklearn": "scikit-learn", "tensorflow": "tensorflow-cpu", "keras": "tensorflow-cpu",
                 "autograder": PACKAGE}
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)$")

TEMPLATE = '''\
# Google Colab only: install the course's checking helpers and anything else this
# notebook needs that Colab lacks. Anywhere else (JupyterLab, Binder) it does nothing.
import importlib.util, subprocess, sys
try:
    import google.colab  # noqa: F401 (a package only Colab has)
    on_colab = True
except ImportError:
    on_colab = False
if on_colab:
    needed = {needed}
    missing = [spec for module, spec in needed.items() if importlib.util.find_spec(module) is None]
    if missing:
        print("Installing", ", ".join(missing), "...")
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing],
                             capture_output=True, text=True)
        if pip.returncode != 0:
            raise RuntimeError("pip could not install what this notebook needs:\\n" + pip.stderr[-2000:])
        importlib.invalidate_caches()
'''


def repository():
    """The course's public repository, from ``pyproject.toml``."""
    path = course.ROOT / "pyproject.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))["project"]["urls"]["Repository"]
    except (OSError, KeyError) as exc:
        raise SystemExit(f"{path}: the course's URL, [project.urls] Repository, is needed for "
                         f"the Colab cell ({exc!r})") from None


def pins(lines):
    """``{distribution: version}`` for the exact pins (``name==version``) among requirement lines."""
    return dict(m.groups() for m in map(_PIN.match, (line.strip() for line in lines)) if m)


def imported_modules(nb):
    """Top-level modules the code of ``nb`` imports, standard library excluded, sorted."""
    modules = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    return sorted(modules - set(sys.stdlib_module_names) - {"google"})


def requirement(module, repository_url):
    """The pip requirement that provides ``module``, pinned as the course pins it."""
    distribution = DISTRIBUTIONS.get(module, module)
    if distribution == PACKAGE:
        return f"{PACKAGE} @ git+{repository_url}"
    requirements = (course.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    version = pins(requirements).get(distribution)
    return f"{distribution}=={version}" if version else distribution


def cell_source(release_nb, repository_url=None):
    """The Colab cell for a release notebook (what the student runs: hidden tests
    may import more); ``repository_url`` overrides the configured one."""
    url = repository_url or repository()
    entries = "".join(f"        {m!r}: {requirement(m, url)!r},\n" for m in imported_modules(release_nb))
    return TEMPLATE.format(needed="{\n" + entries + "    }")


def setup_cell(release_nb):
    cell = nbformat.v4.new_code_cell(cell_source(release_nb))
    cell.id = GRADE_ID
    cell.metadata["nbgrader"] = {"grade": False, "grade_id": GRADE_ID, "locked": True,
                                 "schema_version": 3, "solution": False, "task": False}
    return cell


def with_setup_cell(source_nb, release_nb):
    """``source_nb`` with its first cell the current Colab cell for ``release_nb``
    (neither is modified)."""
    out = nbformat.from_dict(source_nb)
    out.cells = [setup_cell(release_nb)] + [c for c in source_nb.cells if course.grade_id(c) != GRADE_ID]
    return out
