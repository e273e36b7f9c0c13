"""Other correct answers and plausible wrong answers for 02_activations.

CORRECT[grade_id][name] is the whole source of an answer cell that must score
full marks; WRONG[grade_id][name] is (source, text) where the source must lose
points and the failure message must contain ``text``, which names the mistake.
Each source runs after the setup cell (numpy is available as ``np``) and is
self-contained: it does not call the other exercise functions.
"""

CORRECT = {
    "sigmoid": {
        "tanh_identity": '''
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
''',
        "logaddexp": '''
def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))
''',
        "masked_branches": '''
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out
''',
        "python_loop": '''
import math

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx, v in np.ndenumerate(z):
        if v >= 0:
            out[idx] = 1.0 / (1.0 + math.exp(-v))
        else:
            e = math.exp(v)
            out[idx] = e / (1.0 + e)
    return out
''',
    },
    "sigmoid_grad": {
        "even_form": '''
def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2
''',
        "via_tanh": '''
def sigmoid_grad(z):
    s = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
    return s - s * s
''',
    },
    "tanh_grad": {
        "sech_squared": '''
def tanh_grad(z):
    return 1.0 / np.cosh(z) ** 2
''',
        "factored": '''
def tanh_grad(z):
    t = np.tanh(z)
    return (1.0 - t) * (1.0 + t)
''',
    },
    "relu": {
        "where": '''
def relu(z):
    return np.where(z > 0, z, 0.0)
''',
        "mask_product": '''
def relu(z):
    return z * (z > 0)
''',
        "copy_then_zero": '''
def relu(z):
    out = np.array(z, dtype=float, copy=True)
    out[out < 0] = 0.0
    return out
''',
    },
    "relu_grad": {
        "where": '''
def relu_grad(z):
    return np.where(z > 0, 1.0, 0.0)
''',
        "heaviside": '''
def relu_grad(z):
    return np.heaviside(z, 0.0)
''',
        "integers": '''
def relu_grad(z):
    return np.where(z > 0, 1, 0)
''',
    },
    "leaky_relu": {
        "maximum": '''
def leaky_relu(z, alpha=0.01):
    return np.maximum(z, alpha * z)
''',
        "where_ge": '''
def leaky_relu(z, alpha=0.01):
    return np.where(z >= 0, z, alpha * z)
''',
    },
    "leaky_relu_grad": {
        "affine_mask": '''
def leaky_relu_grad(z, alpha=0.01):
    return (z > 0) * (1.0 - alpha) + alpha
''',
        "where_le": '''
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z <= 0, alpha, 1.0)
''',
    },
    "saturation_fraction": {
        "count_nonzero": '''
def saturation_fraction(h, threshold=0.97):
    h = np.asarray(h)
    return np.count_nonzero(np.abs(h) > threshold) / h.size
''',
        "two_sides": '''
def saturation_fraction(h, threshold=0.97):
    return np.mean((h > threshold) | (h < -threshold))
''',
        "python_loop": '''
def saturation_fraction(h, threshold=0.97):
    values = np.ravel(h)
    return sum(1 for v in values if abs(v) > threshold) / len(values)
''',
    },
    "dead_unit_fraction": {
        "column_max": '''
def dead_unit_fraction(z):
    return np.mean(np.max(z, axis=0) <= 0)
''',
        "relu_column_sum": '''
def dead_unit_fraction(z):
    return float(np.mean(np.maximum(z, 0.0).sum(axis=0) == 0))
''',
        "loop_over_units": '''
def dead_unit_fraction(z):
    z = np.asarray(z)
    dead = 0
    for j in range(z.shape[1]):
        if all(v <= 0 for v in z[:, j]):
            dead += 1
    return dead / z.shape[1]
''',
    },
    "q_vanishing": {"upper_case": 'ANSWER_VANISH = "C"\n'},
    "q_saturation": {"upper_case": 'ANSWER_SATURATION = "B"\n'},
    "q_dead": {"upper_case": 'ANSWER_DEAD = "A"\n'},
}

WRONG = {
    "sigmoid": {
        "naive_overflow": ('''
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
''', "numerically unstable"),
        "other_form_nan": ('''
def sigmoid(z):
    return np.exp(z) / (1.0 + np.exp(z))
''', "numerically unstable"),
        "where_evaluates_both": ('''
def sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
''', "np.where evaluates both of its branches"),
        "sign_flipped": ('''
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
''', "sign of z is flipped"),
        "clips_in_place": ('''
def sigmoid(z):
    np.clip(z, -500, 500, out=z)
    return 1.0 / (1.0 + np.exp(-z))
''', "modified in place"),
    },
    "sigmoid_grad": {
        "sign_error": ('''
def sigmoid_grad(z):
    s = 0.5 * (1.0 + np.tanh(0.5 * z))
    return s * (1.0 + s)
''', "sign error"),
        "formula_on_z": ('''
def sigmoid_grad(z):
    return z * (1.0 - z)
''', "applied to z itself"),
        "unstable_quotient": ('''
def sigmoid_grad(z):
    return np.exp(-z) / (1.0 + np.exp(-z)) ** 2
''', "exp(-z) overflows"),
    },
    "tanh_grad": {
        "squares_z": ('''
def tanh_grad(z):
    return 1.0 - z ** 2
''', "squares z"),
        "forgets_square": ('''
def tanh_grad(z):
    return 1.0 - np.tanh(z)
''', "forgets to square"),
    },
    "relu": {
        "in_place": ('''
def relu(z):
    z[z < 0] = 0.0
    return z
''', "modified in place"),
        "leaky": ('''
def relu(z):
    return np.where(z > 0, z, 0.01 * z)
''', "that is leaky ReLU"),
        "absolute_value": ('''
def relu(z):
    return np.abs(z)
''', "|z| turns negative inputs positive"),
    },
    "relu_grad": {
        "one_at_zero": ('''
def relu_grad(z):
    return (z >= 0).astype(float)
''', "relu_grad(0) should be 0"),
        "returns_relu": ('''
def relu_grad(z):
    return np.maximum(z, 0.0)
''', "the ReLU itself"),
        "boolean_mask": ('''
def relu_grad(z):
    return z > 0
''', "not bool values"),
    },
    "leaky_relu": {
        "plain_relu": ('''
def leaky_relu(z, alpha=0.01):
    return np.maximum(z, 0.0)
''', "that is plain ReLU"),
        "ignores_alpha": ('''
def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, 0.01 * z)
''', "alpha argument is ignored"),
        "constant_alpha": ('''
def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha)
''', "not the constant alpha"),
        "in_place": ('''
def leaky_relu(z, alpha=0.01):
    z[z < 0] *= alpha
    return z
''', "modified in place"),
    },
    "leaky_relu_grad": {
        "zero_slope": ('''
def leaky_relu_grad(z, alpha=0.01):
    return (z > 0).astype(float)
''', "0 is plain ReLU's derivative"),
        "alpha_times_z": ('''
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, alpha * z)
''', "not alpha * z"),
        "one_at_zero": ('''
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z >= 0, 1.0, alpha)
''', "at z == 0 the derivative is alpha"),
        "ignores_alpha": ('''
def leaky_relu_grad(z, alpha=0.01):
    return np.where(z > 0, 1.0, 0.01)
''', "alpha argument is ignored"),
    },
    "saturation_fraction": {
        "greater_equal": ('''
def saturation_fraction(h, threshold=0.97):
    return np.mean(np.abs(h) >= threshold)
''', "not >="),
        "positive_side_only": ('''
def saturation_fraction(h, threshold=0.97):
    return np.mean(h > threshold)
''', "as well as at +1"),
        "tanh_again": ('''
def saturation_fraction(h, threshold=0.97):
    return np.mean(np.abs(np.tanh(h)) > threshold)
''', "applying tanh to it again"),
        "count": ('''
def saturation_fraction(h, threshold=0.97):
    return np.sum(np.abs(h) > threshold)
''', "not their count"),
        "ignores_threshold": ('''
def saturation_fraction(h, threshold=0.97):
    return np.mean(np.abs(h) > 0.97)
''', "threshold argument is ignored"),
    },
    "dead_unit_fraction": {
        "per_entry": ('''
def dead_unit_fraction(z):
    return np.mean(z <= 0)
''', "counts non-positive entries"),
        "strict_inequality": ('''
def dead_unit_fraction(z):
    return np.mean(np.all(z < 0, axis=0))
''', "use z <= 0, not z < 0"),
        "wrong_axis": ('''
def dead_unit_fraction(z):
    return np.mean(np.all(z <= 0, axis=1))
''', "wrong axis"),
        "any_instead_of_all": ('''
def dead_unit_fraction(z):
    return np.mean(np.any(z <= 0, axis=0))
''', "np.all, not np.any"),
        "count": ('''
def dead_unit_fraction(z):
    return np.sum(np.all(z <= 0, axis=0))
''', "not their count"),
    },
    "q_vanishing": {
        "a": ('ANSWER_VANISH = "a"\n', "Not this one"),
        "b": ('ANSWER_VANISH = "b"\n', "Not this one"),
        "d": ('ANSWER_VANISH = "d"\n', "Not this one"),
    },
    "q_saturation": {
        "a": ('ANSWER_SATURATION = "a"\n', "Not this one"),
        "c": ('ANSWER_SATURATION = "c"\n', "Not this one"),
        "d": ('ANSWER_SATURATION = "d"\n', "Not this one"),
    },
    "q_dead": {
        "b": ('ANSWER_DEAD = "b"\n', "Not this one"),
        "c": ('ANSWER_DEAD = "c"\n', "Not this one"),
        "d": ('ANSWER_DEAD = "d"\n', "Not this one"),
    },
}

EQUIVALENT_MUTANTS = {
    "sigmoid": {
        "fa4c5ac261": "Without np.asarray(z, dtype=float) every float ndarray the contract allows gives the same "
                      "values up to its own dtype's precision (as the CORRECT logaddexp variant does); only "
                      "Python lists differ, which the contract (a float array) does not cover and the "
                      "CORRECT logaddexp variant rejects too.",
        "b9a2331430": "z > 0 instead of z >= 0 only changes the branch taken at z == 0 (or -0.0), where both "
                      "branches give exactly 1 / (1 + 1) == 1 / 2 == 0.5.",
    },
    "relu": {
        "9ee690799c": "np.maximum is symmetric: np.maximum(0.0, z) equals np.maximum(z, 0.0) for every z "
                      "(NaN propagates either way; only the sign of a zero output may differ).",
    },
    "leaky_relu": {
        "a237de3732": "z >= 0 instead of z > 0 only changes the branch at z == 0, where z and alpha * z are both 0 "
                      "(the CORRECT where_ge variant does exactly this).",
    },
    "saturation_fraction": {
        "34d6ba2459": "Dropping float(...) returns np.float64, which is a subclass of Python float with the same "
                      "value, so no caller can tell it apart.",
    },
    "dead_unit_fraction": {
        "f2122d5de2": "Without np.asarray the function is identical for every (N, units) ndarray the contract "
                      "specifies; only Python lists differ, and correct answers such as "
                      "(z <= 0).all(axis=0).mean() reject those too.",
        "c8e9556410": "Dropping float(...) returns np.float64, which is a subclass of Python float with the same "
                      "value, so no caller can tell it apart.",
    },
}
