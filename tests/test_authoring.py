"""The source notebooks follow the course's conventions (docs/authoring.md)."""
import ast
import re

import pytest

from autograder import course

ASSIGNMENTS = course.assignments()
FRAMEWORKS = {"07_capstone": {"torch"}, "06_frameworks": {"torch", "tensorflow", "keras"}}
IMPORT = re.compile(r"^\s*(?:import|from)\s+(torch|tensorflow|keras)\b", re.MULTILINE)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.DOTALL)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_cell_is_an_nbgrader_cell_of_a_known_kind(assignment):
    nb = course.read_source(assignment)
    ids = [course.grade_id(c) for c in nb.cells]
    assert None not in ids, "every cell has nbgrader metadata with a grade_id"
    assert len(ids) == len(set(ids)), "grade_ids are unique"
    for cell in nb.cells:
        meta = course.nbgrader_meta(cell)
        gid = meta["grade_id"]
        assert meta.get("schema_version") == 3, gid
        if course.is_answer(cell):
            assert not meta.get("grade") and not meta.get("locked"), gid
            assert cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source, gid
        elif course.is_test(cell):
            assert meta.get("locked") and course.points(cell) > 0, gid
            assert gid.startswith("test_"), gid
        else:
            assert meta.get("locked") and not meta.get("grade"), f"{gid} must be locked"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_test_cells_import_what_they_use(assignment):
    for cell in course.test_cells(course.read_source(assignment)):
        uses_checks = re.search(r"\b(check_\w+|passed|closest_explanation)\(", cell.source)
        if uses_checks:
            assert "from autograder.checks import" in cell.source, course.grade_id(cell)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_notebook_imports_only_its_frameworks(assignment):
    visible = HIDDEN.sub("", "\n".join(c.source for c in course.read_source(assignment).cells
                                      if c.cell_type == "code"))
    used = set(IMPORT.findall(visible))
    assert used <= FRAMEWORKS.get(assignment, set()), f"{assignment} imports {sorted(used)}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_test_cells_end_without_a_value(assignment):
    """Stock nbgrader reads a number shown by a test cell as partial credit."""
    quiet = {"check", "passed", "check_raises", "check_unchanged", "check_bounds", "check_distribution",
             "check_type"}
    for cell in course.test_cells(course.read_source(assignment)):
        last = ast.parse(cell.source).body[-1]
        if isinstance(last, ast.Expr):
            call = last.value
            name = call.func.id if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) else None
            assert name in quiet, f"{course.grade_id(cell)} ends with a value: assign it (`_ = ...`)"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_headings_in_order_and_figures_described(assignment):
    cells = course.read_source(assignment).cells
    levels = [len(line) - len(line.lstrip("#")) for c in cells if c.cell_type == "markdown"
              for line in c.source.splitlines() if re.match(r"#+ ", line)]
    assert levels and levels[0] == 1 and levels.count(1) == 1, "one title, first"
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"heading levels skip: {levels}"
    for i, cell in enumerate(cells):
        if cell.cell_type == "code" and "plt.show()" in cell.source:
            before = [c.source for c in cells[max(0, i - 3):i] if c.cell_type == "markdown"]
            assert any("*figure" in text.lower() or "alt text" in text.lower() for text in before), \
                f"{course.grade_id(cell)}: describe its figure (a `*Figure: ...*` line) in the markdown above"
