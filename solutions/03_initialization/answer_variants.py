"""Alternative correct answers and plausible wrong answers for 03_initialization.

CORRECT[grade_id][name] is the whole source of an answer cell that must score full marks.
WRONG[grade_id][name] is (source, text): the answer must lose points, and the failure
message must contain `text`, which names the mistake.
"""

CORRECT = {
    "zeros_init": {
        "full": "def zeros_init(fan_in, fan_out):\n    return np.full((fan_in, fan_out), 0.0)\n",
        "float32": "def zeros_init(fan_in, fan_out):\n    return np.zeros((fan_in, fan_out), dtype=np.float32)\n",
    },
    "compute_fans": {
        "np_prod_int": (
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    shape = tuple(shape)\n"
            "    if len(shape) == 1:\n"
            "        return int(shape[0]), int(shape[0])\n"
            "    if layout == \"out_in\":\n"
            "        rf = int(np.prod(shape[2:]))\n"
            "        return int(shape[1]) * rf, int(shape[0]) * rf\n"
            "    rf = int(np.prod(shape[:-2]))\n"
            "    return int(shape[-2]) * rf, int(shape[-1]) * rf\n"
        ),
        "convert_layout": (
            "import math\n\n"
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    shape = [int(d) for d in shape]\n"
            "    if len(shape) < 2:\n"
            "        return shape[0], shape[0]\n"
            "    if layout == \"out_in\":\n"
            "        shape = shape[2:] + [shape[1], shape[0]]   # to (..., in, out)\n"
            "    receptive = math.prod(shape[:-2])\n"
            "    return receptive * shape[-2], receptive * shape[-1]\n"
        ),
    },
    "xavier_uniform": {
        "scaled_random": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(6 / (fan_in + fan_out))\n"
            "    return (rng.random((fan_in, fan_out)) * 2 - 1) * a\n"
        ),
        "std_times_sqrt3": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    std = gain * np.sqrt(2.0 / (fan_in + fan_out))\n"
            "    return rng.uniform(low=-np.sqrt(3) * std, high=np.sqrt(3) * std, size=(fan_in, fan_out))\n"
        ),
        "float32": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(6 / (fan_in + fan_out))\n"
            "    return (a * (2 * rng.random((fan_in, fan_out), dtype=np.float32) - 1)).astype(np.float32)\n"
        ),
    },
    "xavier_normal": {
        "standard_normal": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    return gain * np.sqrt(2 / (fan_in + fan_out)) * rng.standard_normal((fan_in, fan_out))\n"
        ),
        "variance_form": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    var = gain ** 2 * 2.0 / (fan_in + fan_out)\n"
            "    W = np.empty((fan_in, fan_out))\n"
            "    for i in range(fan_in):\n"
            "        W[i] = rng.normal(0.0, np.sqrt(var), size=fan_out)\n"
            "    return W\n"
        ),
    },
    "he_normal": {
        "standard_normal": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.standard_normal(size=(fan_in, fan_out)) * np.sqrt(2.0 / fan_in)\n"
        ),
        "float32": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.standard_normal((fan_in, fan_out), dtype=np.float32) * np.float32(np.sqrt(2 / fan_in))\n"
        ),
    },
    "he_uniform": {
        "scaled_random": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    a = np.sqrt(6 / fan_in)\n"
            "    return a * (2 * rng.random(size=(fan_in, fan_out)) - 1)\n"
        ),
        "sqrt3_std": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    std = np.sqrt(2 / fan_in)\n"
            "    return rng.uniform(-1, 1, (fan_in, fan_out)) * np.sqrt(3) * std\n"
        ),
    },
    "calculate_gain": {
        "table": (
            "import math\n\n"
            "def calculate_gain(nonlinearity, param=None):\n"
            "    table = {'linear': 1, 'conv1d': 1, 'conv2d': 1, 'conv3d': 1, 'conv_transpose1d': 1,\n"
            "             'conv_transpose2d': 1, 'conv_transpose3d': 1, 'sigmoid': 1,\n"
            "             'tanh': 5 / 3, 'relu': math.sqrt(2), 'selu': 3 / 4}\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = 0.01 if param is None else float(param)\n"
            "        return math.sqrt(2 / (1 + s * s))\n"
            "    if nonlinearity not in table:\n"
            "        raise ValueError('unsupported nonlinearity ' + repr(nonlinearity))\n"
            "    return table[nonlinearity]\n"
        ),
    },
    "activation_stds": {
        "weights_first": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    weights = [init_fn(width, width, rng) for _ in range(depth)]\n"
            "    out, h = [], x.copy()\n"
            "    for W in weights:\n"
            "        h = activation(h @ W)\n"
            "        out.append(np.std(h))\n"
            "    return out\n"
        ),
        "sqrt_var": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    stds, h = [], x\n"
            "    for layer in range(depth):\n"
            "        h = activation(np.dot(h, init_fn(width, width, rng)))\n"
            "        stds.append(float(np.sqrt(np.mean((h - h.mean()) ** 2))))\n"
            "    return stds\n"
        ),
    },
    "lsuv_init": {
        "one_exact_step": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        z = h @ W + b\n"
            "        m, s = z.mean(), z.std()\n"
            "        W, b = W / s, (b - m) / s\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n"
        ),
        "centre_each_unit": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        W, b = W.copy(), b.copy()\n"
            "        for _ in range(max_iter):\n"
            "            z = h @ W + b\n"
            "            if abs(z.mean()) <= tol and abs(z.std() - 1) <= tol:\n"
            "                break\n"
            "            b = b - z.mean(axis=0)\n"
            "            s = (h @ W + b).std()\n"
            "            W, b = W / s, b / s\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n"
        ),
        "iterate_shift_then_scale_W": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        W, b = W.copy(), b.copy()\n"
            "        for _ in range(max_iter):\n"
            "            z = h @ W + b\n"
            "            if abs(z.mean()) <= tol and abs(z.std() - 1) <= tol:\n"
            "                break\n"
            "            b -= z.mean()\n"
            "            W /= (h @ W + b).std()\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n"
        ),
    },
    "q_zero_init": {"upper": 'ANSWER_ZERO_INIT = "C"\n', "spaces": 'ANSWER_ZERO_INIT = " c "\n'},
    "q_relu_xavier": {"upper": 'ANSWER_RELU_XAVIER = "D"\n'},
    "q_he_fan": {"upper": 'ANSWER_HE_FAN = "C"\n'},
}


WRONG = {
    "zeros_init": {
        "transposed": ("def zeros_init(fan_in, fan_out):\n    return np.zeros((fan_out, fan_in))\n",
                       "(fan_in, fan_out)"),
        "integer": ("def zeros_init(fan_in, fan_out):\n    return np.zeros((fan_in, fan_out), dtype=int)\n",
                    "floating-point"),
        "list": ("def zeros_init(fan_in, fan_out):\n    return [[0.0] * fan_out for _ in range(fan_in)]\n",
                 "should be a ndarray"),
    },
    "compute_fans": {
        "torch_read_as_in_out": (
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    shape = tuple(int(d) for d in shape)\n"
            "    if len(shape) == 1:\n"
            "        return shape[0], shape[0]\n"
            "    if layout == \"out_in\":\n"
            "        rf = int(np.prod(shape[2:]))\n"
            "        return shape[0] * rf, shape[1] * rf\n"
            "    rf = int(np.prod(shape[:-2]))\n"
            "    return shape[-2] * rf, shape[-1] * rf\n",
            "PyTorch stores weights as (out, in"),
        "no_receptive_field": (
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    shape = tuple(int(d) for d in shape)\n"
            "    if len(shape) == 1:\n"
            "        return shape[0], shape[0]\n"
            "    if layout == \"out_in\":\n"
            "        return shape[1], shape[0]\n"
            "    return shape[-2], shape[-1]\n",
            "receptive field"),
        "float_from_np_prod": (
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    if len(shape) == 1:\n"
            "        return shape[0], shape[0]\n"
            "    if layout == \"out_in\":\n"
            "        return shape[1] * np.prod(shape[2:]), shape[0] * np.prod(shape[2:])\n"
            "    return shape[-2] * np.prod(shape[:-2]), shape[-1] * np.prod(shape[:-2])\n",
            "should be an int"),
        "one_d_not_handled": (
            "def compute_fans(shape, layout=\"in_out\"):\n"
            "    shape = tuple(int(d) for d in shape)\n"
            "    if layout == \"out_in\":\n"
            "        rf = int(np.prod(shape[2:]))\n"
            "        return shape[1] * rf, shape[0] * rf\n"
            "    rf = int(np.prod(shape[:-2]))\n"
            "    return shape[-2] * rf, shape[-1] * rf\n",
            "1-D shape"),
    },
    "xavier_uniform": {
        "normal_std_as_limit": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(2 / (fan_in + fan_out))\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "Xavier's normal std used as the uniform limit"),
        "random_0_1": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.random((fan_in, fan_out)) * gain * np.sqrt(6 / (fan_in + fan_out))\n",
            "np.random.rand / rng.random"),
        "normal_instead": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.normal(0, gain * np.sqrt(2 / (fan_in + fan_out)), (fan_in, fan_out))\n",
            "look more like a normal distribution"),
        "global_state": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(6 / (fan_in + fan_out))\n"
            "    return np.random.uniform(-a, a, (fan_in, fan_out))\n",
            "do not come from `rng` alone"),
        "gain_inside_sqrt": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = np.sqrt(gain * 6 / (fan_in + fan_out))\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "outside the square root"),
        "fan_in_only": (
            "def xavier_uniform(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(6 / fan_in)\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "not by fan_in alone"),
    },
    "xavier_normal": {
        "uniform_limit_as_std": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.normal(0, gain * np.sqrt(6 / (fan_in + fan_out)), (fan_in, fan_out))\n",
            "uniform limit"),
        "truncated": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    std = gain * np.sqrt(2 / (fan_in + fan_out)) / 0.87962566103423978\n"
            "    W = rng.normal(0, std, (fan_in, fan_out))\n"
            "    bad = np.abs(W) > 2 * std\n"
            "    while bad.any():\n"
            "        W[bad] = rng.normal(0, std, bad.sum())\n"
            "        bad = np.abs(W) > 2 * std\n"
            "    return W\n",
            "truncated normal"),
        "uniform_instead": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    a = gain * np.sqrt(6 / (fan_in + fan_out))\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "uniform distribution"),
        "no_sqrt": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.normal(0, gain * 2 / (fan_in + fan_out), (fan_in, fan_out))\n",
            "square root"),
        "gain_ignored": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.normal(0, np.sqrt(2 / (fan_in + fan_out)), (fan_in, fan_out))\n",
            "the gain was ignored"),
        "random_0_1": (
            "def xavier_normal(fan_in, fan_out, rng, gain=1.0):\n"
            "    return rng.random((fan_in, fan_out)) * gain * np.sqrt(2 / (fan_in + fan_out))\n",
            "np.random.rand / rng.random"),
    },
    "he_normal": {
        "fan_out": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.normal(0, np.sqrt(2 / fan_out), (fan_in, fan_out))\n",
            "not by fan_out"),
        "np_random_rand": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.random((fan_in, fan_out)) * np.sqrt(2 / fan_in)\n",
            "np.random.rand / rng.random"),
        "truncated": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    std = np.sqrt(2 / fan_in) / 0.87962566103423978\n"
            "    W = rng.normal(0, std, (fan_in, fan_out))\n"
            "    bad = np.abs(W) > 2 * std\n"
            "    while bad.any():\n"
            "        W[bad] = rng.normal(0, std, bad.sum())\n"
            "        bad = np.abs(W) > 2 * std\n"
            "    return W\n",
            "truncated normal"),
        "global_randn": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return np.random.randn(fan_in, fan_out) * np.sqrt(2 / fan_in)\n",
            "do not come from `rng` alone"),
        "variance_as_std": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.normal(0, 2 / fan_in, (fan_in, fan_out))\n",
            "square root"),
        "xavier_std": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.normal(0, np.sqrt(2 / (fan_in + fan_out)), (fan_in, fan_out))\n",
            "Xavier's std"),
        "transposed": (
            "def he_normal(fan_in, fan_out, rng):\n"
            "    return rng.normal(0, np.sqrt(2 / fan_in), (fan_out, fan_in))\n",
            "(fan_in, fan_out)"),
    },
    "he_uniform": {
        "sqrt3": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    a = np.sqrt(3 / fan_in)\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "missing He's factor 2"),
        "normal_std_as_limit": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    a = np.sqrt(2 / fan_in)\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "He's normal std used as the uniform limit"),
        "fan_out": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    a = np.sqrt(6 / fan_out)\n"
            "    return rng.uniform(-a, a, (fan_in, fan_out))\n",
            "not by fan_out"),
        "random_0_1": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    return rng.random((fan_in, fan_out)) * np.sqrt(6 / fan_in)\n",
            "np.random.rand / rng.random"),
        "normal_instead": (
            "def he_uniform(fan_in, fan_out, rng):\n"
            "    return rng.normal(0, np.sqrt(2 / fan_in), (fan_in, fan_out))\n",
            "look more like a normal distribution"),
    },
    "calculate_gain": {
        "leaky_default_zero": (
            "def calculate_gain(nonlinearity, param=None):\n"
            "    if nonlinearity in ('linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',\n"
            "                        'conv_transpose3d', 'sigmoid'):\n"
            "        return 1.0\n"
            "    if nonlinearity == 'tanh':\n"
            "        return 5 / 3\n"
            "    if nonlinearity == 'relu':\n"
            "        return np.sqrt(2)\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = 0.0 if param is None else param\n"
            "        return np.sqrt(2 / (1 + s ** 2))\n"
            "    if nonlinearity == 'selu':\n"
            "        return 0.75\n"
            "    raise ValueError(nonlinearity)\n",
            "defaults to 0.01"),
        "param_or_default": (
            "def calculate_gain(nonlinearity, param=None):\n"
            "    if nonlinearity in ('linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',\n"
            "                        'conv_transpose3d', 'sigmoid'):\n"
            "        return 1.0\n"
            "    if nonlinearity == 'tanh':\n"
            "        return 5 / 3\n"
            "    if nonlinearity == 'relu':\n"
            "        return np.sqrt(2)\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = param or 0.01\n"
            "        return np.sqrt(2 / (1 + s ** 2))\n"
            "    if nonlinearity == 'selu':\n"
            "        return 0.75\n"
            "    raise ValueError(nonlinearity)\n",
            "param is None"),
        "tanh_gain_one": (
            "def calculate_gain(nonlinearity, param=None):\n"
            "    if nonlinearity in ('linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',\n"
            "                        'conv_transpose3d', 'sigmoid', 'tanh'):\n"
            "        return 1.0\n"
            "    if nonlinearity == 'relu':\n"
            "        return np.sqrt(2)\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = 0.01 if param is None else param\n"
            "        return np.sqrt(2 / (1 + s ** 2))\n"
            "    if nonlinearity == 'selu':\n"
            "        return 0.75\n"
            "    raise ValueError(nonlinearity)\n",
            "tanh's recommended gain is 5/3"),
        "no_value_error": (
            "def calculate_gain(nonlinearity, param=None):\n"
            "    if nonlinearity == 'tanh':\n"
            "        return 5 / 3\n"
            "    if nonlinearity == 'relu':\n"
            "        return np.sqrt(2)\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = 0.01 if param is None else param\n"
            "        return np.sqrt(2 / (1 + s ** 2))\n"
            "    if nonlinearity == 'selu':\n"
            "        return 0.75\n"
            "    return 1.0\n",
            "should raise ValueError"),
        "slope_not_squared": (
            "def calculate_gain(nonlinearity, param=None):\n"
            "    if nonlinearity in ('linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',\n"
            "                        'conv_transpose3d', 'sigmoid'):\n"
            "        return 1.0\n"
            "    if nonlinearity == 'tanh':\n"
            "        return 5 / 3\n"
            "    if nonlinearity == 'relu':\n"
            "        return np.sqrt(2)\n"
            "    if nonlinearity == 'leaky_relu':\n"
            "        s = 0.01 if param is None else param\n"
            "        return np.sqrt(2 / (1 + s))\n"
            "    if nonlinearity == 'selu':\n"
            "        return 0.75\n"
            "    raise ValueError(nonlinearity)\n",
            "the slope is squared"),
    },
    "activation_stds": {
        "pre_activation": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    stds, h = [], x\n"
            "    for _ in range(depth):\n"
            "        z = h @ init_fn(width, width, rng)\n"
            "        stds.append(z.std())\n"
            "        h = activation(z)\n"
            "    return stds\n",
            "pre-activations"),
        "not_forwarded": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    return [activation(x @ init_fn(width, width, rng)).std() for _ in range(depth)]\n",
            "pass each layer's output h on"),
        "includes_input": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    h = x\n"
            "    stds = [h.std()]\n"
            "    for _ in range(depth):\n"
            "        h = activation(h @ init_fn(width, width, rng))\n"
            "        stds.append(h.std())\n"
            "    return stds\n",
            "without the input's std"),
        "per_unit_std": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    stds, h = [], x\n"
            "    for _ in range(depth):\n"
            "        h = activation(h @ init_fn(width, width, rng))\n"
            "        stds.append(h.std(axis=0).mean())\n"
            "    return stds\n",
            "per-unit stds"),
        "own_rng": (
            "def activation_stds(init_fn, activation, depth, width, x, rng):\n"
            "    rng = np.random.default_rng(0)\n"
            "    stds, h = [], x\n"
            "    for _ in range(depth):\n"
            "        h = activation(h @ init_fn(width, width, rng))\n"
            "        stds.append(h.std())\n"
            "    return stds\n",
            "with the rng you were given"),
    },
    "lsuv_init": {
        "in_place": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    h = x\n"
            "    for W, b in params:\n"
            "        for _ in range(max_iter):\n"
            "            z = h @ W + b\n"
            "            m, s = z.mean(), z.std()\n"
            "            if abs(m) <= tol and abs(s - 1) <= tol:\n"
            "                break\n"
            "            b -= m\n"
            "            b /= s\n"
            "            W /= s\n"
            "        h = activation(h @ W + b)\n"
            "    return params\n",
            "modified in place"),
        "skips_last_layer": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params[:-1]:\n"
            "        W, b = W.copy(), b.copy()\n"
            "        for _ in range(max_iter):\n"
            "            z = h @ W + b\n"
            "            m, s = z.mean(), z.std()\n"
            "            if abs(m) <= tol and abs(s - 1) <= tol:\n"
            "                break\n"
            "            W, b = W / s, (b - m) / s\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    out.append((params[-1][0].copy(), params[-1][1].copy()))\n"
            "    return out\n",
            "the output layer included"),
        "only_rescale": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        W, b = W.copy(), b.copy()\n"
            "        for _ in range(max_iter):\n"
            "            s = (h @ W + b).std()\n"
            "            if abs(s - 1) <= tol:\n"
            "                break\n"
            "            W, b = W / s, b / s\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n",
            "centre the pre-activations"),
        "single_pass": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        b = b - (h @ W + b).mean()\n"
            "        W = W / (h @ W + b).std()\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n",
            "a single pass"),
        "std_after_activation": (
            "def lsuv_init(params, x, activation, tol=1e-3, max_iter=20):\n"
            "    out, h = [], x\n"
            "    for W, b in params:\n"
            "        W, b = W.copy(), b.copy()\n"
            "        for _ in range(max_iter):\n"
            "            z = h @ W + b\n"
            "            m, s = z.mean(), activation(z).std()\n"
            "            if abs(m) <= tol and abs(s - 1) <= tol:\n"
            "                break\n"
            "            W, b = W / s, (b - m) / s\n"
            "        out.append((W, b))\n"
            "        h = activation(h @ W + b)\n"
            "    return out\n",
            "measured before the activation"),
    },
    "q_zero_init": {
        "a": ('ANSWER_ZERO_INIT = "a"\n', "ANSWER_ZERO_INIT is not right"),
        "b": ('ANSWER_ZERO_INIT = "b"\n', "ANSWER_ZERO_INIT is not right"),
        "d": ('ANSWER_ZERO_INIT = "d"\n', "ANSWER_ZERO_INIT is not right"),
        "not_a_letter": ('ANSWER_ZERO_INIT = "e"\n', "should be one of"),
    },
    "q_relu_xavier": {
        "a": ('ANSWER_RELU_XAVIER = "a"\n', "ANSWER_RELU_XAVIER is not right"),
        "b": ('ANSWER_RELU_XAVIER = "b"\n', "ANSWER_RELU_XAVIER is not right"),
        "c": ('ANSWER_RELU_XAVIER = "c"\n', "ANSWER_RELU_XAVIER is not right"),
    },
    "q_he_fan": {
        "a": ('ANSWER_HE_FAN = "a"\n', "ANSWER_HE_FAN is not right"),
        "b": ('ANSWER_HE_FAN = "b"\n', "ANSWER_HE_FAN is not right"),
        "d": ('ANSWER_HE_FAN = "d"\n', "ANSWER_HE_FAN is not right"),
    },
}


EQUIVALENT_MUTANTS = {
    "compute_fans": {
        "e9b25d002f": "Without int() the fans keep the type of the given dims: Python ints stay Python ints and numpy "
                      "integer dims give numpy integers of the same value, which the contract's 'ints' (and the test) accept.",
        "a8b02c9ec9": "Only an unknown layout reaches that line, and the contract defines no behaviour for layouts other "
                      "than 'in_out' and 'out_in' (raising TypeError instead of ValueError there is allowed).",
    },
    "activation_stds": {
        "7a3165d5e4": "h.std() is already a numpy float (a float subclass) with the same value; the contract asks for the list of h.std().",
    },
    "calculate_gain": {
        "083781e4cd": "np.sqrt(2.0) is an np.float64, a subclass of float, with exactly the same value.",
        "e75e1c184c": "np.sqrt(...) is a numpy float with exactly the same value as its float(); the value is all the contract fixes.",
    },
    "lsuv_init": {
        "b2645cc0af": "Without the copy W is only rebound to new arrays (W / std), never modified in place, so params stay "
                      "unchanged and the returned values are the same (h is float64, so h @ W is too).",
        "ae90589821": "Same as dropping the copy: W is only rebound to new arrays (W / std), never modified in place, and the values are unchanged.",
        "e2ef916de0": "Without the copy b is only rebound to new arrays ((b - mean) / std), never modified in place, so params "
                      "stay unchanged and the returned values are the same.",
        "9dfd4eaa59": "Same as dropping the copy: b is only rebound to new arrays, never modified in place, and the values are unchanged.",
        "edcf097579": "x is never modified and W is always a float64 copy, so h @ W is the same float64 array whatever x's dtype.",
        "d83d5d459f": "The correction z -> (z - mean) / std is exact, so repeating it changes nothing beyond rounding, and a layer "
                      "already within tol is normalised exactly instead of left alone, which the contract allows (like CORRECT one_exact_step).",
        "f69fe6e84c": "abs(std + 1) <= tol never holds for tol < 1 (and for tol >= 1 only when std is already within tol of 1), so the "
                      "mutant just repeats the exact correction, which leaves every layer within tol as before.",
        "9837138931": "At |mean| == tol exactly the mutant does one more exact correction, whose result is still within tol.",
        "af359752cd": "At |std - 1| == tol exactly the mutant does one more exact correction, whose result is still within tol.",
    },
}
