"""The bank of alternative answers kept beside each source notebook.

``solutions/<assignment>/answer_variants.py`` defines ``CORRECT`` and
``WRONG``, each mapping an answer cell's grade_id to named variants: every
correct one must score full marks, every wrong one must lose points with a
message containing its given text. ``EQUIVALENT_MUTANTS`` lists the mutants
(see ``mutate``) that behave exactly like the reference, each with a reason.
"""
import importlib.util

from . import course


def _module(assignment):
    path = course.SOLUTIONS / assignment / "answer_variants.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"answer_variants_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(assignment):
    """``(CORRECT, WRONG)`` for ``assignment`` (empty when it has no bank)."""
    module = _module(assignment)
    return getattr(module, "CORRECT", {}), getattr(module, "WRONG", {})


def load_equivalent_mutants(assignment):
    """``{grade_id: {mutant_id: reason}}``: mutants no test can tell from the reference."""
    return getattr(_module(assignment), "EQUIVALENT_MUTANTS", {})
