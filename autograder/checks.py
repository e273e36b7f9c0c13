"""Checking helpers for the test cells of the course notebooks.

Every check raises ``CheckFailed`` (an ``AssertionError``) with a message a
student can act on: what was expected, what was found and, where a common
mistake explains the difference, which mistake it looks like.  Visible test
cells end with ``passed("name")``, which prints one clear line.

This module is imported inside students' kernels, so it depends on numpy only
(scipy is imported lazily by the distribution-shape test).
"""
import math

import numpy as np

__all__ = [
    "CheckFailed", "check", "check_type", "check_shape", "check_dtype", "check_finite",
    "check_close", "check_scalar", "check_unchanged", "check_raises", "check_moments",
    "check_bounds", "check_distribution", "closest_explanation", "passed", "summary",
]


class CheckFailed(AssertionError):
    """A test found a wrong answer; the message says what and, if it can, why."""


def _fmt(value):
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, np.ndarray) and value.size > 8:
        return f"array of shape {value.shape}"
    return repr(value)


def check(condition, message):
    """Fail with ``message`` unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(message)


def check_type(value, types, name):
    """``value`` is an instance of ``types`` (a type or a tuple of types)."""
    if not isinstance(value, types):
        names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        check(False, f"{name} should be a {names}, got {type(value).__name__}.")


def _as_array(value, name):
    if value is None:
        raise CheckFailed(f"{name} is None: did the function forget to `return` its result?")
    try:
        return np.asarray(value)
    except Exception as exc:  # ragged lists, arbitrary objects
        raise CheckFailed(f"{name} could not be read as an array ({exc}).") from None


def check_shape(value, shape, name):
    """``value`` is array-like with exactly ``shape``."""
    arr = _as_array(value, name)
    check(arr.shape == tuple(shape),
          f"{name} should have shape {tuple(shape)}, got {arr.shape}.")
    return arr


def check_dtype(value, kind, name):
    """``value``'s dtype is of numpy ``kind`` ('f' float, 'i' signed int, 'b' bool...)
    or exactly the dtype ``kind`` when a dtype is given."""
    arr = _as_array(value, name)
    if isinstance(kind, str) and len(kind) == 1:
        words = {"f": "floating-point", "i": "signed integer", "u": "unsigned integer", "b": "boolean"}
        check(arr.dtype.kind == kind,
              f"{name} should be a {words.get(kind, kind)} array, got dtype {arr.dtype}.")
    else:
        check(arr.dtype == np.dtype(kind), f"{name} should have dtype {np.dtype(kind)}, got {arr.dtype}.")
    return arr


def check_finite(value, name):
    """No NaN or infinity anywhere in ``value``."""
    arr = _as_array(value, name)
    if arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))
        where = tuple(int(i) for i in bad[0]) if arr.ndim else ()
        check(False, f"{name} contains {len(bad)} non-finite value(s) (first at index {where}: "
                     f"{arr[where] if arr.ndim else arr}): look for overflow or a division by zero.")
    return arr


def closest_explanation(value, explanations, rtol=0.02):
    """The explanation whose value is within ``rtol`` of ``value``, or None.

    ``explanations`` maps a message ("did you use fan_out?") to the value that
    mistake would produce; arrays are compared element-wise.
    """
    for message, wrong in explanations.items():
        try:
            if np.allclose(np.asarray(value, dtype=float), np.asarray(wrong, dtype=float),
                           rtol=rtol, atol=1e-12):
                return message
        except (TypeError, ValueError):
            continue
    return None


def _with_hint(message, value, explanations, hint):
    found = closest_explanation(value, explanations or {})
    if found:
        return f"{message} This looks like a known mistake: {found}"
    return f"{message} {hint}" if hint else message


def check_close(actual, expected, name, rtol=1e-6, atol=1e-9, explanations=None, hint=None):
    """``actual`` equals ``expected`` (array-like) up to ``rtol``/``atol``.

    On failure, reports the shape, or the worst element with both values and
    the relative error, and names a mistake from ``explanations`` when one of
    their values matches ``actual``.
    """
    expected = np.asarray(expected)
    arr = _as_array(actual, name)
    if arr.shape != expected.shape:
        check(False, _with_hint(f"{name} should have shape {expected.shape}, got {arr.shape}.",
                                arr, explanations, hint))
    if arr.dtype.kind not in "biufc":
        check(False, f"{name} should hold numbers, got dtype {arr.dtype}.")
    arr = arr.astype(float)
    exp = expected.astype(float)
    nonfinite = ~np.isfinite(arr) & np.isfinite(exp)
    err = np.abs(arr - exp)
    ok = (err <= atol + rtol * np.abs(exp)) & ~nonfinite
    if not np.all(ok):
        rel = err / np.maximum(1e-12, np.abs(exp))
        rel = np.where(np.isfinite(rel), rel, np.inf)
        worst = np.unravel_index(int(np.argmax(np.where(ok, -1.0, rel))), arr.shape) if arr.ndim else ()
        where = f" at index {tuple(int(i) for i in worst)}" if arr.ndim else ""
        wrong = int(np.size(ok) - np.count_nonzero(ok))
        count = f" ({wrong} of {np.size(ok)} entries differ)" if arr.ndim else ""
        gap = (f"relative error {_fmt(rel[worst])}" if abs(exp[worst]) > atol
               else f"absolute error {_fmt(err[worst])}")
        message = f"{name}{where}: expected {_fmt(exp[worst])}, got {_fmt(arr[worst])} ({gap}){count}."
        check(False, _with_hint(message, arr, explanations, hint))
    return arr


def check_scalar(actual, expected, name, rtol=1e-6, atol=1e-9, explanations=None, hint=None):
    """``actual`` is one real number (Python or numpy scalar, or a size-1 array)
    close to ``expected``; returns it as a float."""
    arr = _as_array(actual, name)
    check(arr.size == 1 and arr.dtype.kind in "biuf",
          f"{name} should be a single number, got {type(actual).__name__} {_fmt(actual)}.")
    check_close(arr.reshape(()), expected, name, rtol, atol, explanations, hint)
    return float(arr.reshape(()))


def check_unchanged(before, after, name):
    """An input was not modified in place (``before`` is a copy taken first)."""
    same = np.array_equal(np.asarray(before), np.asarray(after), equal_nan=True)
    check(same, f"{name} was modified in place; work on a copy (for example `x = x.copy()`) "
                f"or build a new array.")


def check_raises(exception, func, *args, name=None, **kwargs):
    """Calling ``func(*args, **kwargs)`` raises ``exception``."""
    call = name or f"{getattr(func, '__name__', 'the function')}{args!r}"
    try:
        result = func(*args, **kwargs)
    except exception:
        return
    except Exception as exc:  # noqa: BLE001 - the student's code may raise anything
        check(False, f"{call} should raise {exception.__name__}, but raised "
                     f"{type(exc).__name__}: {exc}")
    check(False, f"{call} should raise {exception.__name__}, but returned {_fmt(result)}.")


def _z(actual, expected, stderr):
    return abs(actual - expected) / stderr if stderr > 0 else (0.0 if actual == expected else math.inf)


def check_moments(samples, name, mean=0.0, std=None, explanations=None, z=6.0):
    """The sample mean and standard deviation of ``samples`` match a
    distribution with the given ``mean`` and ``std``.

    Tolerances come from the sampling error of each statistic (``z`` standard
    errors, so a correct sampler fails about once in 10^9 draws), which makes
    the check strict on large samples and fair on small ones. ``explanations``
    maps a mistake ("did you use fan_out?") to the std it would give.
    """
    x = np.asarray(samples, dtype=float).ravel()
    check(x.size >= 2, f"{name} should hold many random values, got {x.size}.")
    check_finite(x, name)
    n = x.size
    m, s = float(x.mean()), float(x.std())
    if std is not None and std > 0:
        if _z(m, mean, std / math.sqrt(n)) > z:
            extra = ""
            if abs(m - 0.5 * (x.max() + x.min())) < 0.1 * s and x.min() >= 0:
                extra = " All values are non-negative: np.random.rand / rng.random draw from [0, 1), not a zero-mean distribution."
            check(False, f"{name}: expected mean {_fmt(mean)}, got {_fmt(m)} "
                         f"({n} values, std {_fmt(s)}).{extra}")
        # Standard error of the sample std, allowing for heavy-ish tails.
        kurt = float(np.mean((x - m) ** 4) / max(s, 1e-300) ** 4) if s > 0 else 3.0
        se = std * math.sqrt(max(kurt - 1.0, 0.5) / (4.0 * n))
        if _z(s, std, se) > z:
            message = f"{name}: expected std {_fmt(std)}, got {_fmt(s)} ({n} values)."
            check(False, _with_hint(message, s, explanations, None))
    elif _z(m, mean, max(s, 1e-12) / math.sqrt(n)) > z:
        check(False, f"{name}: expected mean {_fmt(mean)}, got {_fmt(m)}.")
    return m, s


def check_bounds(samples, name, low, high, explanations=None):
    """Every value lies in ``[low, high]`` (up to float32 rounding), and (for
    large samples) the extremes come close to the bounds, as a uniform
    sampler's would."""
    x = np.asarray(samples, dtype=float).ravel()
    lo, hi = float(x.min()), float(x.max())
    span = high - low
    slack = 1e-6 * abs(span)  # float32 weights round past a float64 limit
    if lo < low - slack or hi > high + slack:
        message = (f"{name}: values should lie in [{_fmt(low)}, {_fmt(high)}], "
                   f"found [{_fmt(lo)}, {_fmt(hi)}].")
        check(False, _with_hint(message, max(abs(lo), abs(hi)), explanations, None))
    if x.size >= 1000:
        reach = 20.0 / x.size * span  # uniform gaps this large happen with probability ~e^-20
        if lo > low + reach or hi < high - reach:
            message = (f"{name}: values fill [{_fmt(lo)}, {_fmt(hi)}], but a uniform sample of "
                       f"{x.size} values from [{_fmt(low)}, {_fmt(high)}] reaches both ends.")
            check(False, _with_hint(message, max(abs(lo), abs(hi)), explanations, None))


def check_distribution(samples, name, kind, mean=0.0, std=None, limit=None, alpha=1e-6):
    """The shape of the sample's distribution is ``kind``: ``"normal"`` (with
    ``mean``/``std``) or ``"uniform"`` on ``[-limit, limit]``.

    A Kolmogorov-Smirnov test at level ``alpha``; on failure the message says
    which other shape (normal, uniform, uniform on [0, 1)) fits the values.
    """
    from scipy import stats  # lazy: only random-initializer tests need it

    x = np.asarray(samples, dtype=float).ravel()
    targets = {
        "normal": (lambda: stats.norm(mean, std)) if std else None,
        "uniform": (lambda: stats.uniform(-limit, 2 * limit)) if limit else None,
    }
    check(targets.get(kind) is not None, f"unknown target distribution {kind!r}")
    if stats.kstest(x, targets[kind]().cdf).pvalue >= alpha:
        return
    s = float(x.std())
    fits = {
        "a normal distribution": stats.norm(x.mean(), s),
        "a uniform distribution": stats.uniform(-math.sqrt(3) * s, 2 * math.sqrt(3) * s),
        "np.random.rand / rng.random (uniform on [0, 1))": stats.uniform(0, 1),
    }
    best = max(fits, key=lambda k: stats.kstest(x, fits[k].cdf).pvalue)
    want = (f"a normal distribution with std {_fmt(std)}" if kind == "normal"
            else f"a uniform distribution on [-{_fmt(limit)}, {_fmt(limit)}]")
    check(False, f"{name}: the values do not look like {want}; they look more like {best} "
                 f"(mean {_fmt(x.mean())}, std {_fmt(s)}, range [{_fmt(x.min())}, {_fmt(x.max())}]).")


_passed = set()


def passed(name):
    """Print the line that tells a student a visible test cell passed."""
    _passed.add(name)
    print(f"✔ {name}: the visible tests pass. (Hidden tests run at grading.)")


def summary(exercises):
    """Print which of ``exercises`` have passed their visible tests in this
    session (the last cell of every notebook calls it)."""
    done = [name for name in exercises if name in _passed]
    print(f"{len(done)}/{len(exercises)} exercises pass the visible tests; hidden tests run at grading.")
    for name in exercises:
        print(f"  ✔ {name}" if name in _passed else f"  ✘ {name}: not yet; run its test cell and fix what it reports")
