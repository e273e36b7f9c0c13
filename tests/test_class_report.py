"""The class report summarises a graded class in one page and matching CSVs."""
import csv
import html

from autograder import class_report
from conftest import totals


def _rows(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_class_report_of_the_demo_class(demo_graded):
    out, records = demo_graded
    page = class_report.write(out).read_text()
    assert page.count("data:image/png;base64,") == 2 and "alt=" in page
    scores = {(r["student_id"], r["assignment"]): float(r["score"]) for r in _rows(out / "report" / "scores.csv")}
    assert scores == {key: got for key, (got, _) in totals(records).items()}
    cells = _rows(out / "report" / "test_cells.csv")
    assert {(c["assignment"], c["grade_id"]) for c in cells} == {(r.assignment, r.grade_id) for r in records if r.grade_id}
    mistakes = _rows(out / "report" / "mistakes.csv")
    assert mistakes, "the partly wrong student's diagnosed mistakes are counted"
    assert all(html.escape(m["mistake"]) in page for m in mistakes[:30])
    attention = {r["student_id"] for r in _rows(out / "report" / "attention.csv")}
    assert "mallory" in attention and "ada" not in attention
