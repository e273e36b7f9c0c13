"""The tests catch small changes to every reference answer (mutation score >= 90%)."""
import pytest

from autograder import course, mutate


@pytest.mark.parametrize("assignment", course.assignments())
def test_mutation_score_meets_the_bar(assignment):
    scores = mutate.run(assignment)
    below = [s for s in scores if s.score < mutate.BAR]
    assert not below, mutate.report(below)


def test_equivalent_mutants_are_listed_with_a_reason():
    from autograder import variants
    for assignment in course.assignments():
        for gid, listed in variants.load_equivalent_mutants(assignment).items():
            known = {m.id for c in course.read_source(assignment).cells if course.grade_id(c) == gid
                     for m in mutate.mutants(gid, c.source)}
            for mutant_id, reason in listed.items():
                assert mutant_id in known, f"{assignment}/{gid}: {mutant_id} is no longer a mutant"
                assert len(reason.strip()) > 10, f"{assignment}/{gid}: {mutant_id} needs a reason"
