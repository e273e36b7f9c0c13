"""Plain-text summaries of a graded class, for the terminal."""
from collections import defaultdict


def score_table(records):
    """Per student, the score of each assignment and the total, as aligned text."""
    scores = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    statuses = defaultdict(set)
    for r in records:
        cell = scores[r.student_id][r.assignment]
        cell[0] += r.score
        cell[1] += r.max_score
        if r.status in ("missing", "invalid"):
            statuses[(r.student_id, r.assignment)].add(r.status)
    assignments = sorted({r.assignment for r in records})
    header = ["student"] + assignments + ["total"]
    rows = []
    for student in sorted(scores):
        row = [student]
        total = [0.0, 0.0]
        for a in assignments:
            if a not in scores[student]:
                row.append("-")
                continue
            got, possible = scores[student][a]
            flag = "/".join(sorted(statuses.get((student, a), ())))
            row.append(f"{got:g}/{possible:g}" + (f" ({flag})" if flag else ""))
            total[0] += got
            total[1] += possible
        row.append(f"{total[0]:g}/{total[1]:g}")
        rows.append(row)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])
