"""Per-student feedback pages: results and messages, never hidden test code."""
import html

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}
.ok{color:#14632b}.bad{color:#9b1c1c}pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}
"""
_MARK = {"ok": "✔ passed"}


def page(student, assignment, records, notes, visible_tests):
    """The HTML feedback for one submission.

    ``visible_tests`` maps a test cell's grade_id to its code as released to
    students (hidden tests removed), shown so a student can rerun it.
    """
    total = sum(r.score for r in records)
    possible = sum(r.max_score for r in records)
    rows = []
    for r in records:
        css = "ok" if r.status == "ok" else "bad"
        code = visible_tests.get(r.grade_id, "")
        shown = f"<details><summary>visible test code</summary><pre>{html.escape(code)}</pre></details>" if code else ""
        rows.append(f"<tr><td>{html.escape(r.grade_id or '-')}</td><td>{r.score:g} / {r.max_score:g}</td>"
                    f"<td class='{css}'>{html.escape(_MARK.get(r.status, r.status))}</td>"
                    f"<td>{html.escape(r.message) if r.status != 'ok' else ''}{shown}</td></tr>")
    note_html = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Feedback: {html.escape(assignment)} for {html.escape(student)}</title>
<style>{_STYLE}</style></head><body>
<h1>Feedback on {html.escape(assignment)}</h1>
<p>Student: <strong>{html.escape(student)}</strong>. Score: <strong>{total:g} / {possible:g}</strong>.</p>
{f'<h2>Notes</h2><ul>{note_html}</ul>' if notes else ''}
<h2>Tests</h2>
<table><thead><tr><th scope="col">Test</th><th scope="col">Points</th><th scope="col">Result</th><th scope="col">What to look at</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<p>Hidden tests check more cases than the visible ones; their messages say what was expected and what your code gave.</p>
</body></html>
"""
