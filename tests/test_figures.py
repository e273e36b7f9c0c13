"""Every figure of every notebook is readable by every student.

Each source notebook runs once in a kernel that inspects each figure before
it is shown: the figure carries its own opaque light background (readable
in JupyterLab's light and dark themes alike), every axes that plots data
has labelled axes, and no two legend entries differ by colour alone.
"""
import json
import os
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import course

# Runs in the kernel: after each cell, describe its open figures, then close them.
INSPECT = r'''
import json as _json
import matplotlib as _mpl
import matplotlib.pyplot as _plt
from matplotlib.colors import to_rgba as _rgba

_FIGURES, _CELL = [], [None]


def _legend_keys(legend):
    keys = []
    for handle, text in zip(legend.legend_handles, legend.get_texts()):
        if isinstance(handle, _mpl.lines.Line2D):
            dashes = getattr(handle, "_unscaled_dash_pattern", None)  # the pattern behind "--" or a tuple
            key = ["line", str(handle.get_linestyle()), str(dashes), str(handle.get_marker())]
        elif isinstance(handle, _mpl.patches.Patch):
            key = ["patch", str(handle.get_linestyle()), str(handle.get_hatch()), handle.get_fill()]
        else:
            key = [type(handle).__name__, str(len(keys))]
        keys.append([text.get_text(), key])
    return keys


def _labels(fig):
    """Per data axes: (x label, y label), taking a label from the axes below (x) or beside (y)."""
    grid = [ax for ax in fig.axes if ax.get_subplotspec() is not None and ax.get_label() != "<colorbar>"]
    out = []
    for ax in grid:
        if not (ax.lines or ax.patches or ax.collections) or not ax.get_visible():
            continue
        spec = ax.get_subplotspec()
        column = [a for a in grid if a.get_subplotspec().colspan == spec.colspan]
        row = [a for a in grid if a.get_subplotspec().rowspan == spec.rowspan]
        out.append([ax.get_title(), any(a.get_xlabel() for a in column), any(a.get_ylabel() for a in row)])
    return out


def _inspect(result):
    for number in _plt.get_fignums():
        fig = _plt.figure(number)
        legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
        _FIGURES.append({"cell": _CELL[0], "face": list(_rgba(fig.get_facecolor())),
                         "transparent": bool(_mpl.rcParams["savefig.transparent"]),
                         "legends": [_legend_keys(lg) for lg in legends], "axes": _labels(fig)})
    _plt.close("all")


get_ipython().events.register("post_run_cell", _inspect)
'''


def _figures(assignment):
    """The figures ``assignment``'s source notebook draws, as ``_inspect`` describes them."""
    nb = course.read_source(assignment)
    cells = [nbformat.v4.new_code_cell(INSPECT)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cells.append(nbformat.v4.new_code_cell(f"_CELL[0] = {course.grade_id(cell)!r}"))
        cells.append(cell)
    cells.append(nbformat.v4.new_code_cell("print(_json.dumps(_FIGURES))"))
    nb.cells = cells
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(course.source_path(assignment).parent)}})
    # Agg: figures stay open until _inspect has seen them (the inline backend closes them first).
    client.execute(env={**os.environ, "MPLBACKEND": "Agg"})
    return json.loads(nb.cells[-1].outputs[0]["text"])


@pytest.fixture(scope="module")
def all_figures():
    """Every notebook's figures; two kernels run side by side."""
    with ThreadPoolExecutor(2) as pool:
        return dict(zip(course.assignments(), pool.map(_figures, course.assignments())))


@pytest.fixture(params=course.assignments())
def figures(request, all_figures):
    found = all_figures[request.param]
    assert found, f"{request.param} draws no figure"
    return found


def test_figures_have_an_opaque_light_background(figures):
    for fig in figures:
        red, green, blue, alpha = fig["face"]
        assert alpha == 1 and not fig["transparent"], f"{fig['cell']}: transparent figure (unreadable on a dark theme)"
        assert 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.9, f"{fig['cell']}: dark figure background"


def test_every_plot_has_labelled_axes(figures):
    for fig in figures:
        for title, has_x, has_y in fig["axes"]:
            assert has_x and has_y, f"{fig['cell']}, axes {title!r}: label both axes (with units)"


def test_legend_entries_differ_by_more_than_colour(figures):
    for fig in figures:
        for legend in fig["legends"]:
            by_style = {}
            for text, key in legend:
                by_style.setdefault(json.dumps(key), []).append(text)
            same = [texts for texts in by_style.values() if len(texts) > 1]
            assert not same, (f"{fig['cell']}: legend entries {same[0]} differ by colour alone; "
                              "give each its own line style or marker")
