"""The checking helpers pass right answers and fail wrong ones with actionable messages."""
import numpy as np
import pytest

from autograder import checks
from autograder.checks import CheckFailed

RNG = np.random.default_rng(0)


def _fails(func, *args, **kwargs):
    with pytest.raises(CheckFailed) as info:
        func(*args, **kwargs)
    return str(info.value)


def test_check_close_reports_worst_entry_and_known_mistake():
    checks.check_close(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-9], "x")
    message = _fails(checks.check_close, np.array([1.0, 2.5]), [1.0, 2.0], "relu(z)",
                     explanations={"did you use fan_out?": [1.0, 2.5]})
    assert "index (1,)" in message and "expected 2" in message and "got 2.5" in message
    assert "did you use fan_out?" in message
    assert "shape (3,)" in _fails(checks.check_close, np.zeros(2), np.zeros(3), "x")
    assert "None" in _fails(checks.check_close, None, np.zeros(3), "x")
    assert "absolute error" in _fails(checks.check_close, np.array([0.1]), [0.0], "x")


def test_check_close_rejects_nan_where_a_number_is_expected():
    assert "expected 1" in _fails(checks.check_close, np.array([np.nan]), [1.0], "x")


def test_check_scalar_wants_one_number():
    assert checks.check_scalar(np.float64(2.0), 2.0, "n") == 2.0
    assert "single number" in _fails(checks.check_scalar, np.ones(2), 1.0, "n")


def test_check_unchanged_and_raises():
    before = np.arange(3.0)
    checks.check_unchanged(before, before.copy(), "x")
    assert "modified in place" in _fails(checks.check_unchanged, before, before + 1, "x")
    checks.check_raises(ValueError, int, "x")
    assert "returned 3" in _fails(checks.check_raises, ValueError, int, "3")
    assert "raised TypeError" in _fails(checks.check_raises, ValueError, len, 3)


def test_check_moments_accepts_a_correct_sampler_and_names_the_mistake():
    fan_in, fan_out = 256, 64
    he = RNG.normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out))
    explanations = {"He scales by fan_in, not fan_out": np.sqrt(2 / fan_out)}
    checks.check_moments(he, "W", std=np.sqrt(2 / fan_in), explanations=explanations)
    wrong = RNG.normal(0, np.sqrt(2 / fan_out), (fan_in, fan_out))
    message = _fails(checks.check_moments, wrong, "W", std=np.sqrt(2 / fan_in), explanations=explanations)
    assert "expected std 0.08838" in message and "fan_in, not fan_out" in message
    assert "np.random.rand" in _fails(checks.check_moments, RNG.random((256, 64)), "W", std=0.1)


def test_correct_samplers_pass_statistical_checks_across_seeds():
    for seed in range(20):
        rng = np.random.default_rng(seed)
        checks.check_moments(rng.uniform(-0.3, 0.3, (128, 128)), "U", std=0.3 / np.sqrt(3))
        checks.check_distribution(rng.normal(0, 0.2, (128, 128)), "N", "normal", std=0.2)
        checks.check_distribution(rng.uniform(-0.3, 0.3, (128, 128)), "U", "uniform", limit=0.3)
        checks.check_bounds(rng.uniform(-0.3, 0.3, (128, 128)), "U", -0.3, 0.3)


def test_distribution_shape_tells_uniform_from_normal_and_rand():
    normal = RNG.normal(0, 0.2, 20000)
    assert "uniform distribution" in _fails(checks.check_distribution, RNG.uniform(-0.35, 0.35, 20000),
                                            "W", "normal", std=0.2)
    assert "normal distribution" in _fails(checks.check_distribution, normal, "W", "uniform",
                                           limit=0.2 * np.sqrt(3))
    assert "rng.random" in _fails(checks.check_distribution, RNG.random(20000), "W", "normal", std=0.29)


def test_check_bounds_catches_a_too_small_limit():
    message = _fails(checks.check_bounds, RNG.uniform(-0.5, 0.5, 10000), "W", -1.0, 1.0)
    assert "reaches both ends" in message
    assert "should lie in" in _fails(checks.check_bounds, RNG.uniform(-2, 2, 100), "W", -1.0, 1.0)


def test_summary_lists_what_passed(capsys):
    checks.passed("relu")
    checks.summary(["relu", "never_run"])
    text = capsys.readouterr().out
    assert "1/2 exercises" in text and "✔ relu" in text and "✘ never_run" in text
