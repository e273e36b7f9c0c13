"""The grader's side inside a grading kernel: fixed seeds before each test,
and noticing when a notebook tampers with what the tests rely on.

The grader arms the guard in a fresh kernel before any student code runs; it
records the objects behind numpy, the checking helpers, the builtins, and the
IPython machinery that executes cells and reports exceptions. After each test
cell the grader asks ``verify()`` which of them were replaced since: a test
that ran after such a change scores nothing. (Code running in the same
process could also defeat this guard; the sandbox bounds what that gains.)
"""
import builtins
import sys

_SHELL_ATTRS = ("run_cell", "run_cell_async", "run_code", "run_ast_nodes", "showtraceback",
                "_showtraceback", "showsyntaxerror", "CustomTB", "custom_exceptions", "set_custom_exc",
                "transform_cell", "should_run_async")
_KERNEL_ATTRS = ("do_execute", "execute_request", "send_response")
_snapshot = {}


def _same(a, b):
    try:
        return a is b or bool(a == b)
    except Exception:  # noqa: BLE001 - arrays and odd objects compare oddly
        return False


def _record(label, namespace, names=None):
    for name in names if names is not None else list(namespace):
        if name in namespace:
            _snapshot[f"{label}.{name}"] = (namespace, name, namespace[name])


def _attrs(label, obj, names):
    """Class-level methods, and that the instance has not shadowed them."""
    _record(f"{label} class", vars(type(obj)), [n for n in names if n in vars(type(obj))])
    _snapshot[f"{label} instance overrides"] = (None, (obj, names), frozenset(n for n in names if n in vars(obj)))


def arm():
    """Record the current state (call once, before any student code)."""
    import numpy
    import numpy.linalg
    import numpy.testing

    from . import checks

    _snapshot.clear()
    for module in (numpy, numpy.linalg, numpy.random, numpy.testing, checks, sys.modules[__name__]):
        _record(module.__name__, vars(module))
    # IPython swaps these per request on its own.
    swapped = {"_", "__", "___", "get_ipython", "input", "exit", "quit", "display"}
    _record("builtins", vars(builtins), [n for n in vars(builtins) if n not in swapped])
    _record("sys", vars(sys), ["modules", "exit"])
    _record("sys.modules", sys.modules, ["numpy", "autograder", "autograder.checks", __name__, "builtins"])
    shell = getattr(builtins, "get_ipython", lambda: None)()
    if shell is not None:
        _attrs("IPython shell", shell, _SHELL_ATTRS)
        if getattr(shell, "kernel", None) is not None:
            _attrs("kernel", shell.kernel, _KERNEL_ATTRS)


def reseed(seed=0):
    """Seed every random generator in use, so a test's draws do not depend on
    what ran before it (the grader calls this before each test cell)."""
    import random
    random.seed(seed)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(seed)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(seed)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(seed)


def verify():
    """Names of the recorded objects that have changed since ``arm()``."""
    changed = []
    for label, (namespace, key, value) in _snapshot.items():
        if namespace is None:
            obj, names = key
            now = frozenset(n for n in names if n in vars(obj))
            if now != value:
                changed.append(f"{label.split(' instance')[0]}.{', '.join(sorted(now - value))}")
        elif key not in namespace or not _same(namespace[key], value):
            changed.append(label)
    return sorted(changed)
