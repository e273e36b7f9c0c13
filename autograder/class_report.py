"""The class report: one HTML page (and the same numbers as CSV) from a graded class.

Reads ``<out>/grades.csv`` and writes ``<out>/report/``: ``index.html`` with
the score distribution per assignment, the pass rate of every test cell, the
most common diagnosed mistakes and the students whose grading hit errors or
timeouts; ``scores.csv``, ``test_cells.csv``, ``mistakes.csv`` and
``attention.csv`` hold the numbers behind it.
"""
import base64
import csv
import html
import io
import re
from collections import Counter, defaultdict
from pathlib import Path

KNOWN_MISTAKE = re.compile(r"This looks like a known mistake: (.*)$", re.DOTALL)
ATTENTION = {"error", "timeout", "crashed", "missing", "invalid"}


def _read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["score"], row["max_score"] = float(row["score"]), float(row["max_score"])
    return rows


def _mistake(message):
    """The diagnosed mistake named in a failure message, if any."""
    match = KNOWN_MISTAKE.search(message)
    return match.group(1).strip().rstrip(".") if match else None


def summarise(rows):
    """The report's tables, as lists of dicts."""
    totals = defaultdict(lambda: [0.0, 0.0])
    cells = defaultdict(lambda: [0, 0])
    mistakes = Counter()
    attention = defaultdict(Counter)
    for r in rows:
        key = (r["assignment"], r["student_id"])
        totals[key][0] += r["score"]
        totals[key][1] += r["max_score"]
        if r["grade_id"]:
            cells[(r["assignment"], r["grade_id"])][0] += r["status"] == "ok"
            cells[(r["assignment"], r["grade_id"])][1] += 1
        if r["status"] == "failed" and (m := _mistake(r["message"])):
            mistakes[(r["assignment"], r["grade_id"], m)] += 1
        if r["status"] in ATTENTION:
            attention[(r["student_id"], r["assignment"])][r["status"]] += 1
    return {
        "scores": [{"assignment": a, "student_id": s, "score": got, "max_score": possible,
                    "percent": round(100 * got / possible, 1) if possible else 0.0}
                   for (a, s), (got, possible) in sorted(totals.items())],
        "test_cells": [{"assignment": a, "grade_id": g, "passed": ok, "graded": n,
                        "pass_rate": round(ok / n, 3) if n else 0.0}
                       for (a, g), (ok, n) in sorted(cells.items())],
        "mistakes": [{"assignment": a, "grade_id": g, "mistake": m, "students": n}
                     for (a, g, m), n in sorted(mistakes.items(), key=lambda kv: (-kv[1], kv[0]))],
        "attention": [{"student_id": s, "assignment": a,
                       "statuses": ", ".join(f"{k} x{v}" for k, v in sorted(c.items()))}
                      for (s, a), c in sorted(attention.items())],
    }


def _figure(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode()


def _plots(tables):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_assignment = defaultdict(list)
    for row in tables["scores"]:
        by_assignment[row["assignment"]].append(row["percent"])
    names = sorted(by_assignment)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.boxplot([by_assignment[n] for n in names], tick_labels=names, showmeans=True)
    for i, name in enumerate(names, start=1):
        ax.plot([i] * len(by_assignment[name]), by_assignment[name], "o", alpha=0.4, color="black")
    ax.set(ylabel="score (% of points)", ylim=(-5, 105), title="Score distribution per assignment")
    ax.tick_params(axis="x", rotation=30)
    scores_png = _figure(fig)
    plt.close(fig)

    cells = tables["test_cells"]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.22 * len(cells))))
    labels = [f"{c['assignment']} / {c['grade_id']}" for c in cells]
    ax.barh(range(len(cells)), [100 * c["pass_rate"] for c in cells], color="0.45", hatch="//")
    ax.set_yticks(range(len(cells)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set(xlabel="students passing (%)", xlim=(0, 100), title="Pass rate of every test cell")
    cells_png = _figure(fig)
    plt.close(fig)
    return scores_png, cells_png


def _table(rows, columns):
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in columns) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if rows else "<p>None.</p>"


def write(out):
    """Write the report for the graded class in ``out``; return the HTML page's path."""
    out = Path(out)
    tables = summarise(_read(out / "grades.csv"))
    target = out / "report"
    target.mkdir(exist_ok=True)
    for name, rows in tables.items():
        with open(target / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            if rows:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
    scores_png, cells_png = _plots(tables)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Class report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}th,td{{border:1px solid #999;padding:.3rem .5rem;text-align:left}}</style>
</head><body>
<h1>Class report</h1>
<p>{len({r['student_id'] for r in tables['scores']})} students, {len({r['assignment'] for r in tables['scores']})}
assignments. The numbers behind each part are in the CSV files beside this page.</p>
<h2>Score distribution</h2>
<img src="data:image/png;base64,{scores_png}" alt="Box plot per assignment of students' scores in percent, with each student as a dot.">
<h2>Test cells</h2>
<img src="data:image/png;base64,{cells_png}" alt="Horizontal bars: the percentage of students passing each test cell.">
{_table(tables['test_cells'], ['assignment', 'grade_id', 'passed', 'graded', 'pass_rate'])}
<h2>Most common mistakes</h2>
<p>Failures whose message names a known mistake, by how many students made it.</p>
{_table(tables['mistakes'][:30], ['assignment', 'grade_id', 'mistake', 'students'])}
<h2>Needs attention</h2>
<p>Submissions with errors, timeouts, crashes, or missing or unreadable files.</p>
{_table(tables['attention'], ['student_id', 'assignment', 'statuses'])}
</body></html>
"""
    (target / "index.html").write_text(page, encoding="utf-8")
    return target / "index.html"
