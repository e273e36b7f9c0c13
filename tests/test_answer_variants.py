"""Every exercise's tests pass other correct answers and catch plausible wrong ones.

The bank is ``solutions/<assignment>/answer_variants.py``; the variants run in
one kernel per notebook (``autograder.variant_check``).
"""
import pytest

from autograder import course, variant_check, variants

ASSIGNMENTS = course.assignments()


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_bank_covers_every_answer_cell(assignment):
    correct, wrong = variants.load(assignment)
    answers = [course.grade_id(c) for c in course.read_source(assignment).cells if course.is_answer(c)]
    gaps = []
    for gid in answers:
        question = gid.startswith("q_")
        if not question and len(correct.get(gid, {})) < 1:
            gaps.append(f"{gid}: no alternative correct answer")
        if len(wrong.get(gid, {})) < (1 if question else 2):
            gaps.append(f"{gid}: fewer than {1 if question else 2} wrong answers")
    unknown = (set(correct) | set(wrong)) - set(answers)
    gaps += [f"{gid}: not an answer cell of the notebook" for gid in sorted(unknown)]
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_variants_are_graded_as_expected(assignment):
    problems = []
    for result in variant_check.check(assignment):
        label = f"{result.grade_id}/{result.name}"
        if not result.records:
            problems.append(f"{label}: no test cell checks this answer")
            continue
        lost = [r for r in result.records if r.score < r.max_score]
        if result.expected == "correct":
            problems += [f"{label}: a correct answer lost points in {r.grade_id}: {r.message}" for r in lost]
        elif not lost:
            problems.append(f"{label}: a wrong answer got full marks")
        elif not any(result.expected.lower() in r.message.lower() for r in lost):
            problems.append(f"{label}: the feedback does not name the mistake ({result.expected!r}); "
                            f"it says: {' | '.join(r.message for r in lost)}")
    assert not problems, "\n".join(problems)
