"""Other correct answers and plausible wrong answers for 04_batchnorm.

Each variant is the whole source of an answer cell. It runs in the notebook's
kernel after the setup cell (so `np` exists), replacing the solution of that
one cell; the other answer cells keep their solutions. The solution's
batchnorm_forward stores cache = (x_hat, gamma, inv_std), so forward variants
keep that cache and backward variants read it.

CORRECT[grade_id][name] = source            (must score full marks)
WRONG[grade_id][name] = (source, substring)  (must lose points; a failure message contains substring)
"""

CORRECT = {
    "batchnorm_forward": {
        "loop_over_features": '''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """Batch normalization in training mode, one feature at a time."""
    n, d = x.shape
    out = np.empty((n, d))
    x_hat = np.empty((n, d))
    inv_std = np.empty(d)
    for j in range(d):
        column = x[:, j]
        mu = sum(column) / n
        var = sum((v - mu) ** 2 for v in column) / n
        inv_std[j] = 1.0 / np.sqrt(var + eps)
        x_hat[:, j] = (column - mu) * inv_std[j]
        out[:, j] = gamma[j] * x_hat[:, j] + beta[j]
    return out, (x_hat, gamma, inv_std)
''',
        "second_moment": '''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """Variance as E[x^2] - E[x]^2, keepdims statistics."""
    mu = np.mean(x, axis=0, keepdims=True)
    var = np.mean(x * x, axis=0, keepdims=True) - mu ** 2
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    return x_hat * gamma + beta, (x_hat, gamma, inv_std.ravel())
''',
        "std_then_sqrt": '''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    centred = x - np.mean(x, axis=0)
    std = np.sqrt(np.std(x, axis=0) ** 2 + eps)
    x_hat = centred / std
    return np.multiply(x_hat, gamma) + beta, (x_hat, gamma, 1 / std)
''',
    },
    "batchnorm_backward": {
        "staged_chain_rule": '''
def batchnorm_backward(dout, cache):
    """The computational-graph version: through var, then mu, then x."""
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    x_mu = x_hat / inv_std                       # x - mu
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * x_mu, axis=0) * -0.5 * inv_std ** 3
    dmu = np.sum(-dx_hat * inv_std, axis=0) + dvar * np.mean(-2.0 * x_mu, axis=0)
    dx = dx_hat * inv_std + dvar * 2.0 * x_mu / n + dmu / n
    return dx, np.sum(dout * x_hat, axis=0), np.sum(dout, axis=0)
''',
        "means": '''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    dx_hat = dout * gamma
    dx = inv_std * (dx_hat - dx_hat.mean(axis=0) - x_hat * (dx_hat * x_hat).mean(axis=0))
    return dx, np.einsum("nd,nd->d", dout, x_hat), dout.sum(axis=0)
''',
        "jacobian_loop": '''
def batchnorm_backward(dout, cache):
    """Per feature, the full N x N Jacobian of x_hat with respect to x."""
    x_hat, gamma, inv_std = cache
    n, d = dout.shape
    dx = np.empty((n, d))
    for j in range(d):
        jacobian = inv_std[j] / n * (n * np.eye(n) - 1.0 - np.outer(x_hat[:, j], x_hat[:, j]))
        dx[:, j] = jacobian.T @ (gamma[j] * dout[:, j])
    dgamma = np.array([dout[:, j] @ x_hat[:, j] for j in range(d)])
    dbeta = np.array([dout[:, j].sum() for j in range(d)])
    return dx, dgamma, dbeta
''',
    },
    "update_running_stats": {
        "lerp": '''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    n = x.shape[0]
    batch_mean = x.mean(axis=0)
    batch_var = x.var(axis=0) * n / (n - 1)
    return (running_mean + momentum * (batch_mean - running_mean),
            running_var + momentum * (batch_var - running_var))
''',
        "copy_then_in_place": '''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    new_mean, new_var = running_mean.copy(), running_var.copy()
    new_mean *= 1 - momentum
    new_mean += momentum * np.mean(x, axis=0)
    new_var *= 1 - momentum
    new_var += momentum * np.var(x, axis=0, ddof=1)
    return new_mean, new_var
''',
    },
    "batchnorm_inference": {
        "folded_affine": '''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    """Fold the normalisation into one scale and one shift per feature."""
    scale = gamma / np.sqrt(running_var + eps)
    shift = beta - running_mean * scale
    return x * scale + shift
''',
        "row_loop": '''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    rows = [gamma * (row - running_mean) / (running_var + eps) ** 0.5 + beta for row in x]
    return np.array(rows).reshape(x.shape)
''',
    },
    "q_scale": {"upper_case": 'ANSWER_SCALE = "C"\n', "spaces": 'ANSWER_SCALE = " c "\n'},
    "q_eval_mode": {"upper_case": 'ANSWER_EVAL_MODE = "B"\n'},
    "q_momentum": {"upper_case": 'ANSWER_MOMENTUM = "B"\n'},
}

WRONG = {
    "batchnorm_forward": {
        "unbiased_variance": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    inv_std = 1.0 / np.sqrt(x.var(axis=0, ddof=1) + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)
''', "unbiased variance (ddof=1"),
        "eps_outside_sqrt": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    inv_std = 1.0 / (np.sqrt(x.var(axis=0)) + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)
''', "eps added outside the square root"),
        "per_example_axis": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(x.var(axis=1, keepdims=True) + eps)
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)
''', "per example (over axis 1"),
        "no_eps": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    inv_std = 1.0 / np.sqrt(x.var(axis=0))
    x_hat = (x - mu) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)
''', "eps left out"),
        "no_gamma_beta": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * inv_std
    return x_hat, (x_hat, gamma, inv_std)
''', "gamma and beta not applied"),
        "in_place": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x -= x.mean(axis=0)
    x *= inv_std
    return gamma * x + beta, (x, gamma, inv_std)
''', "x was modified in place"),
        "eps_ignored": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + 1e-5)
    x_hat = (x - x.mean(axis=0)) * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)
''', "eps argument ignored"),
        "returns_out_only": ('''
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    return gamma * (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + eps) + beta
''', "should return a tuple (out, cache)"),
    },
    "batchnorm_backward": {
        "direct_path_only": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    return dout * gamma * inv_std, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
''', "paths through the batch mean and variance are missing"),
        "no_mean_term": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    dx_hat = dout * gamma
    dx = inv_std / n * (n * dx_hat - x_hat * (dx_hat * x_hat).sum(axis=0))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
''', "term through the batch mean"),
        "no_variance_term": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    dx_hat = dout * gamma
    dx = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
''', "term through the batch variance"),
        "gamma_forgotten": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    dx = inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)
''', "not multiplied by gamma"),
        "averaged_parameter_grads": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    dx_hat = dout * gamma
    dx = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0) - x_hat * (dx_hat * x_hat).sum(axis=0))
    return dx, (dout * x_hat).mean(axis=0), dout.mean(axis=0)
''', "averaged over the batch (mean) instead of summed"),
        "dout_in_place": ('''
def batchnorm_backward(dout, cache):
    x_hat, gamma, inv_std = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dout *= gamma
    dx = inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dx, dgamma, dbeta
''', "dout was modified in place"),
    },
    "update_running_stats": {
        "momentum_inverted": ('''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    return (momentum * running_mean + (1 - momentum) * x.mean(axis=0),
            momentum * running_var + (1 - momentum) * x.var(axis=0, ddof=1))
''', "momentum convention inverted"),
        "biased_running_variance": ('''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    return ((1 - momentum) * running_mean + momentum * x.mean(axis=0),
            (1 - momentum) * running_var + momentum * x.var(axis=0))
''', "biased batch variance (ddof=0)"),
        "keras_convention": ('''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    return (momentum * running_mean + (1 - momentum) * x.mean(axis=0),
            momentum * running_var + (1 - momentum) * x.var(axis=0))
''', "momentum convention inverted"),
        "in_place": ('''
def update_running_stats(running_mean, running_var, x, momentum=0.1):
    running_mean *= 1 - momentum
    running_mean += momentum * x.mean(axis=0)
    running_var *= 1 - momentum
    running_var += momentum * x.var(axis=0, ddof=1)
    return running_mean, running_var
''', "running_mean was modified in place"),
    },
    "batchnorm_inference": {
        "batch_statistics": ('''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return gamma * (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + eps) + beta
''', "batch's own mean and variance"),
        "eps_outside_sqrt": ('''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return gamma * (x - running_mean) / (np.sqrt(running_var) + eps) + beta
''', "eps added outside the square root"),
        "variance_as_std": ('''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return gamma * (x - running_mean) / (running_var + eps) + beta
''', "instead of its square root"),
        "in_place": ('''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    x -= running_mean
    x /= np.sqrt(running_var + eps)
    return gamma * x + beta
''', "x was modified in place"),
        "eps_ignored": ('''
def batchnorm_inference(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return gamma * (x - running_mean) / np.sqrt(running_var + 1e-5) + beta
''', "eps argument ignored"),
    },
    "q_scale": {
        "a": ('ANSWER_SCALE = "a"\n', "scales every column of z by 10"),
        "b": ('ANSWER_SCALE = "b"\n', "the variance does grow by 100"),
        "d": ('ANSWER_SCALE = "d"\n', "standard deviation of the scaled batch itself"),
        "not_a_letter": ('ANSWER_SCALE = "unchanged"\n', "Set ANSWER_SCALE to one of"),
    },
    "q_eval_mode": {
        "a": ('ANSWER_EVAL_MODE = "a"\n', "behaves differently in the two modes"),
        "c": ('ANSWER_EVAL_MODE = "c"\n', "gamma and beta are learned parameters"),
        "d": ('ANSWER_EVAL_MODE = "d"\n', "the variance convention is not what the mode switch"),
    },
    "q_momentum": {
        "a": ('ANSWER_MOMENTUM = "a"\n', "weight of the old moving value"),
        "c": ('ANSWER_MOMENTUM = "c"\n', "not the translation of Keras's 0.99"),
        "d": ('ANSWER_MOMENTUM = "d"\n', "translation of PyTorch's default"),
    },
}
