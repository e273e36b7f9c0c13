"""Other correct answers and plausible wrong answers for 01_gradients.

CORRECT[grade_id][name] is the whole source of an answer cell that must score full marks.
WRONG[grade_id][name] is (source, text): the answer must lose points, and the failure message
must contain `text`, which names the mistake.

The mlp_forward and mlp_backward variants share the cache layout of the reference solution,
(inputs, pre_activations, weights), because each variant replaces one cell only.
"""

CORRECT = {
    "numerical_gradient": {
        "flat_view_loop": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    work = x.astype(float)          # astype copies\n"
            "    flat = work.reshape(-1)         # a view into work\n"
            "    grad = np.empty(flat.size)\n"
            "    for i in range(flat.size):\n"
            "        keep = flat[i]\n"
            "        flat[i] = keep + h\n"
            "        up = f(work)\n"
            "        flat[i] = keep - h\n"
            "        down = f(work)\n"
            "        flat[i] = keep\n"
            "        grad[i] = (up - down) / (2 * h)\n"
            "    return grad.reshape(x.shape)\n"
        ),
        "basis_arrays": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    grad = np.zeros(x.shape)\n"
            "    for idx in np.ndindex(*x.shape):\n"
            "        e = np.zeros(x.shape)\n"
            "        e[idx] = h\n"
            "        grad[idx] = (f(x + e) - f(x - e)) / (2 * h)\n"
            "    return grad\n"
        ),
        "in_place_exact_restore": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    grad = np.zeros_like(x, dtype=float)\n"
            "    it = np.nditer(x, flags=['multi_index'])\n"
            "    while not it.finished:\n"
            "        i = it.multi_index\n"
            "        old = x[i]\n"
            "        x[i] = old + h\n"
            "        fp = f(x)\n"
            "        x[i] = old - h\n"
            "        fm = f(x)\n"
            "        x[i] = old\n"
            "        grad[i] = (fp - fm) / (2 * h)\n"
            "        it.iternext()\n"
            "    return grad\n"
        ),
    },
    "relative_error": {
        "loop": (
            "def relative_error(a, b):\n"
            "    worst = 0.0\n"
            "    for ai, bi in zip(np.ravel(a), np.ravel(b)):\n"
            "        worst = max(worst, abs(ai - bi) / max(1e-8, abs(ai) + abs(bi)))\n"
            "    return float(worst)\n"
        ),
        "method_chain": (
            "def relative_error(a, b):\n"
            "    a, b = np.asarray(a), np.asarray(b)\n"
            "    return (np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)).max()\n"
        ),
    },
    "mlp_forward": {
        "split_last_layer": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs = [], []\n"
            "    h = x\n"
            "    for W, b in params[:-1]:\n"
            "        inputs.append(h)\n"
            "        zs.append(np.matmul(h, W) + b)\n"
            "        h = activation(zs[-1])\n"
            "    W, b = params[-1]\n"
            "    inputs.append(h)\n"
            "    zs.append(np.dot(h, W) + b)\n"
            "    return zs[-1], (inputs, zs, [p[0] for p in params])\n"
        ),
    },
    "mlp_backward": {
        "einsum_then_reverse": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    out = []\n"
            "    delta = np.array(dout, dtype=float)\n"
            "    for l in reversed(range(len(weights))):\n"
            "        out.append((np.einsum('ni,nj->ij', inputs[l], delta), np.einsum('nj->j', delta)))\n"
            "        if l:\n"
            "            delta = activation_grad(zs[l - 1]) * np.dot(delta, weights[l].T)\n"
            "    out.reverse()\n"
            "    return out\n"
        ),
        "recursive": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    def back(l, delta):\n"
            "        here = [(inputs[l].T @ delta, np.sum(delta, axis=0))]\n"
            "        if l == 0:\n"
            "            return here\n"
            "        return back(l - 1, (delta @ weights[l].T) * activation_grad(zs[l - 1])) + here\n"
            "    return back(len(weights) - 1, dout)\n"
        ),
    },
    "layer_gradient_norms": {
        "sqrt_sum_squares": (
            "def layer_gradient_norms(grads):\n"
            "    return [float(np.sqrt(np.sum(dW ** 2))) for dW, db in grads]\n"
        ),
        "array_result": (
            "def layer_gradient_norms(grads):\n"
            "    return np.array([np.linalg.norm(pair[0].ravel()) for pair in grads])\n"
        ),
    },
    "expected_gradient_scale": {
        "sqrt_width_times_std": (
            "def expected_gradient_scale(weight_std, width, depth):\n"
            "    return (np.sqrt(width) * weight_std) ** depth\n"
        ),
        "exp_log": (
            "import math\n"
            "def expected_gradient_scale(weight_std, width, depth):\n"
            "    return math.exp(0.5 * depth * math.log(width * weight_std * weight_std))\n"
        ),
    },
    "q_central_difference": {"upper_case": 'ANSWER_CENTRAL_DIFFERENCE = "B"\n',
                             "spaces": 'ANSWER_CENTRAL_DIFFERENCE = " b "\n'},
    "q_sigmoid_bound": {"upper_case": 'ANSWER_SIGMOID_BOUND = "D"\n'},
    "q_depth_scale": {"upper_case": 'ANSWER_DEPTH_SCALE = "A"\n'},
    "q_relu_flat": {"upper_case": 'ANSWER_RELU_FLAT = "C"\n'},
}

WRONG = {
    "numerical_gradient": {
        "forward_difference": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    x = np.array(x, dtype=float)\n"
            "    grad = np.zeros_like(x)\n"
            "    f0 = f(x)\n"
            "    for i in np.ndindex(x.shape):\n"
            "        xp = x.copy()\n"
            "        xp[i] += h\n"
            "        grad[i] = (f(xp) - f0) / h\n"
            "    return grad\n",
            "forward difference",
        ),
        "divides_by_h": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    x = np.array(x, dtype=float)\n"
            "    grad = np.zeros_like(x)\n"
            "    for i in np.ndindex(x.shape):\n"
            "        xp, xm = x.copy(), x.copy()\n"
            "        xp[i] += h\n"
            "        xm[i] -= h\n"
            "        grad[i] = (f(xp) - f(xm)) / h\n"
            "    return grad\n",
            "instead of 2h",
        ),
        "ignores_h": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    step = 1e-5\n"
            "    x = np.array(x, dtype=float)\n"
            "    grad = np.zeros_like(x)\n"
            "    for i in np.ndindex(x.shape):\n"
            "        xp, xm = x.copy(), x.copy()\n"
            "        xp[i] += step\n"
            "        xm[i] -= step\n"
            "        grad[i] = (f(xp) - f(xm)) / (2 * step)\n"
            "    return grad\n",
            "h argument is ignored",
        ),
        "perturbs_x_in_place": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    grad = np.zeros_like(x, dtype=float)\n"
            "    for i in np.ndindex(x.shape):\n"
            "        x[i] += h\n"
            "        fp = f(x)\n"
            "        x[i] -= 2 * h\n"
            "        fm = f(x)\n"
            "        x[i] += h\n"
            "        grad[i] = (fp - fm) / (2 * h)\n"
            "    return grad\n",
            "modified in place",
        ),
        "flat_result": (
            "def numerical_gradient(f, x, h=1e-5):\n"
            "    x = np.array(x, dtype=float)\n"
            "    grad = []\n"
            "    for i in np.ndindex(x.shape):\n"
            "        xp, xm = x.copy(), x.copy()\n"
            "        xp[i] += h\n"
            "        xm[i] -= h\n"
            "        grad.append((f(xp) - f(xm)) / (2 * h))\n"
            "    return np.array(grad)\n",
            "should have shape (3, 4)",
        ),
    },
    "relative_error": {
        "no_floor": (
            "def relative_error(a, b):\n"
            "    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))\n",
            "floor",
        ),
        "mean_not_max": (
            "def relative_error(a, b):\n"
            "    return float(np.mean(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))\n",
            "mean of the element-wise errors",
        ),
        "divides_by_a": (
            "def relative_error(a, b):\n"
            "    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a))))\n",
            "dividing by |a| only",
        ),
        "max_of_abs": (
            "def relative_error(a, b):\n"
            "    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.maximum(np.abs(a), np.abs(b)))))\n",
            "max(|a|, |b|)",
        ),
        "adds_floor": (
            "def relative_error(a, b):\n"
            "    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b) + 1e-8)))\n",
            "1e-8 is added",
        ),
    },
    "mlp_forward": {
        "activation_on_output": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs, h = [], [], x\n"
            "    for W, b in params:\n"
            "        inputs.append(h)\n"
            "        zs.append(h @ W + b)\n"
            "        h = activation(zs[-1])\n"
            "    return h, (inputs, zs, [W for W, _ in params])\n",
            "after the last layer",
        ),
        "no_activation": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs, h = [], [], x\n"
            "    for W, b in params:\n"
            "        inputs.append(h)\n"
            "        h = h @ W + b\n"
            "        zs.append(h)\n"
            "    return h, (inputs, zs, [W for W, _ in params])\n",
            "never applied",
        ),
        "no_bias": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs, h = [], [], x\n"
            "    for l, (W, b) in enumerate(params):\n"
            "        inputs.append(h)\n"
            "        zs.append(h @ W)\n"
            "        h = activation(zs[-1]) if l < len(params) - 1 else zs[-1]\n"
            "    return h, (inputs, zs, [W for W, _ in params])\n",
            "bias b is not added",
        ),
        "transposed_weights": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs, h = [], [], x\n"
            "    for l, (W, b) in enumerate(params):\n"
            "        inputs.append(h)\n"
            "        zs.append(h @ W.T + b)\n"
            "        h = activation(zs[-1]) if l < len(params) - 1 else zs[-1]\n"
            "    return h, (inputs, zs, [W for W, _ in params])\n",
            "(fan_in, fan_out)",
        ),
        "activation_before_layer": (
            "def mlp_forward(x, params, activation):\n"
            "    inputs, zs, h = [], [], x\n"
            "    for W, b in params:\n"
            "        h = activation(h)\n"
            "        inputs.append(h)\n"
            "        h = h @ W + b\n"
            "        zs.append(h)\n"
            "    return h, (inputs, zs, [W for W, _ in params])\n",
            "applied before each layer",
        ),
    },
    "mlp_backward": {
        "no_activation_grad": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    grads, delta = [], dout\n"
            "    for l in reversed(range(len(weights))):\n"
            "        grads.insert(0, (inputs[l].T @ delta, delta.sum(axis=0)))\n"
            "        delta = delta @ weights[l].T\n"
            "    return grads\n",
            "activation_grad was never called",
        ),
        "mean_over_batch": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    n = dout.shape[0]\n"
            "    grads, delta = [], dout\n"
            "    for l in reversed(range(len(weights))):\n"
            "        grads.insert(0, (inputs[l].T @ delta / n, delta.mean(axis=0)))\n"
            "        if l:\n"
            "            delta = (delta @ weights[l].T) * activation_grad(zs[l - 1])\n"
            "    return grads\n",
            "batch size",
        ),
        "activation_grad_at_output": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    grads, delta = [], dout * activation_grad(zs[-1])\n"
            "    for l in reversed(range(len(weights))):\n"
            "        grads.insert(0, (inputs[l].T @ delta, delta.sum(axis=0)))\n"
            "        if l:\n"
            "            delta = (delta @ weights[l].T) * activation_grad(zs[l - 1])\n"
            "    return grads\n",
            "output layer, which is linear",
        ),
        "activation_grad_at_h": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    grads, delta = [], dout\n"
            "    for l in reversed(range(len(weights))):\n"
            "        grads.insert(0, (inputs[l].T @ delta, delta.sum(axis=0)))\n"
            "        if l:\n"
            "            delta = (delta @ weights[l].T) * activation_grad(inputs[l])\n"
            "    return grads\n",
            "pre-activations z",
        ),
        "last_layer_first": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    grads, delta = [], dout\n"
            "    for l in reversed(range(len(weights))):\n"
            "        grads.append((inputs[l].T @ delta, delta.sum(axis=0)))\n"
            "        if l:\n"
            "            delta = (delta @ weights[l].T) * activation_grad(zs[l - 1])\n"
            "    return grads\n",
            "reverse order",
        ),
        "consumes_cache": (
            "def mlp_backward(dout, cache, activation_grad):\n"
            "    inputs, zs, weights = cache\n"
            "    grads, delta = [], dout\n"
            "    while weights:\n"
            "        W, h = weights.pop(), inputs.pop()\n"
            "        zs.pop()\n"
            "        grads.insert(0, (h.T @ delta, delta.sum(axis=0)))\n"
            "        if weights:\n"
            "            delta = (delta @ W.T) * activation_grad(zs[-1])\n"
            "    return grads\n",
            "must not modify the cache",
        ),
    },
    "layer_gradient_norms": {
        "bias_norms": (
            "def layer_gradient_norms(grads):\n"
            "    return [float(np.linalg.norm(db)) for dW, db in grads]\n",
            "norms of db",
        ),
        "last_layer_first": (
            "def layer_gradient_norms(grads):\n"
            "    return [float(np.linalg.norm(dW)) for dW, db in reversed(grads)]\n",
            "reverse order",
        ),
        "squared": (
            "def layer_gradient_norms(grads):\n"
            "    return [float(np.sum(dW ** 2)) for dW, db in grads]\n",
            "squared norms",
        ),
        "includes_bias": (
            "def layer_gradient_norms(grads):\n"
            "    return [float(np.sqrt(np.sum(dW ** 2) + np.sum(db ** 2))) for dW, db in grads]\n",
            "db is included",
        ),
    },
    "expected_gradient_scale": {
        "exponent_depth": (
            "def expected_gradient_scale(weight_std, width, depth):\n"
            "    return (width * weight_std ** 2) ** depth\n",
            "squared norm",
        ),
        "std_not_squared": (
            "def expected_gradient_scale(weight_std, width, depth):\n"
            "    return (width * weight_std) ** (depth / 2)\n",
            "not squared",
        ),
        "no_width": (
            "def expected_gradient_scale(weight_std, width, depth):\n"
            "    return weight_std ** depth\n",
            "width is missing",
        ),
    },
    "q_central_difference": {
        "a": ('ANSWER_CENTRAL_DIFFERENCE = "a"\n', "first order"),
        "c": ('ANSWER_CENTRAL_DIFFERENCE = "c"\n', "truncation error depends on h"),
        "d": ('ANSWER_CENTRAL_DIFFERENCE = "d"\n', "round-off regime"),
        "not_a_letter": ("ANSWER_CENTRAL_DIFFERENCE = 4\n", "should be one of the letters"),
    },
    "q_sigmoid_bound": {
        "a": ('ANSWER_SIGMOID_BOUND = "a"\n', "how large can sigmoid'(z) be"),
        "b": ('ANSWER_SIGMOID_BOUND = "b"\n', "product of one factor per layer"),
        "c": ('ANSWER_SIGMOID_BOUND = "c"\n', "multiplies the per-layer factors"),
    },
    "q_depth_scale": {
        "b": ('ANSWER_DEPTH_SCALE = "b"\n', "squared norm"),
        "c": ('ANSWER_DEPTH_SCALE = "c"\n', "geometric"),
        "d": ('ANSWER_DEPTH_SCALE = "d"\n', "width times the variance"),
    },
    "q_relu_flat": {
        "a": ('ANSWER_RELU_FLAT = "a"\n', "does vanish"),
        "b": ('ANSWER_RELU_FLAT = "b"\n', "the flat lines are real"),
        "d": ('ANSWER_RELU_FLAT = "d"\n', "neither takes anything"),
    },
}

EQUIVALENT_MUTANTS = {
    "numerical_gradient": {
        "01f807aa4b": "Perturbing x itself instead of a float copy and restoring each entry exactly leaves x "
                      "unchanged on return with identical values for float64 x, as the CORRECT variant "
                      "in_place_exact_restore does; only non-float64 x (int, float32) differs, where that "
                      "accepted variant perturbs in x's dtype and gives the very same values.",
        "8170881078": "np.ones_like instead of np.zeros_like only changes the initial contents of grad, and the "
                      "loop over np.ndindex overwrites every entry (an empty x has none), so the result is "
                      "identical.",
    },
    "relative_error": {
        "da9a3e74e5": "Without np.asarray(a, dtype=float), a - b, |a| and |a| + |b| promote a to float64 against "
                      "the float64 b exactly as the conversion would, so every array (or list) a gives the same "
                      "value.",
        "e25957e0a5": "Without np.asarray(b, dtype=float), a - b, |b| and |a| + |b| promote b to float64 against "
                      "the float64 a exactly as the conversion would, so every array (or list) b gives the same "
                      "value.",
        "640d14d14a": "Dropping float(...) returns np.float64, which is a subclass of Python float with the same "
                      "value (the CORRECT method_chain variant does the same), so no caller can tell it apart.",
        "7a7a257f74": "np.maximum is symmetric: np.maximum(|a| + |b|, 1e-8) equals np.maximum(1e-8, |a| + |b|) "
                      "for every value, NaN included.",
    },
    "layer_gradient_norms": {
        "7e54686560": "Dropping float(...) leaves numpy scalars (np.float64, or np.float32 for float32 dW) with "
                      "exactly the same values, as the CORRECT array_result variant returns; the contract fixes "
                      "the norms, not the scalar type.",
    },
}
