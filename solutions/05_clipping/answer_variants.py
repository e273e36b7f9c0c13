"""Other correct answers and plausible wrong answers for 05_clipping.

CORRECT[grade_id][name] is the whole source of an answer cell that must score full marks.
WRONG[grade_id][name] is (source, text): the answer must lose points, and the failure message
must contain `text`, which names the mistake.
"""

CORRECT = {
    "global_norm": {
        "concatenate": (
            "def global_norm(grads):\n"
            "    flat = np.concatenate([np.ravel(g) for g in grads])\n"
            "    return float(np.linalg.norm(flat))\n"
        ),
        "loop_vdot": (
            "import math\n"
            "def global_norm(grads):\n"
            "    total = 0.0\n"
            "    for g in grads:\n"
            "        total += float(np.vdot(g, g))\n"
            "    return math.sqrt(total)\n"
        ),
        "norm_of_norms": (
            "def global_norm(grads):\n"
            "    return float(np.linalg.norm([np.linalg.norm(g) for g in grads]))\n"
        ),
    },
    "clip_by_value": {
        "min_max": (
            "def clip_by_value(grads, clip_value):\n"
            "    return [np.minimum(np.maximum(g, -clip_value), clip_value) for g in grads]\n"
        ),
        "loop_where": (
            "def clip_by_value(grads, clip_value):\n"
            "    out = []\n"
            "    for g in grads:\n"
            "        c = g.copy()\n"
            "        c[c > clip_value] = clip_value\n"
            "        c[c < -clip_value] = -clip_value\n"
            "        out.append(c)\n"
            "    return out\n"
        ),
    },
    "clip_by_global_norm": {
        "min_scale_always_multiply": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))\n"
            "    scale = min(1.0, max_norm / (total + eps))\n"
            "    return [g * scale for g in grads], total\n"
        ),
        "loop_concatenate": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = np.linalg.norm(np.concatenate([g.ravel() for g in grads])) if grads else 0.0\n"
            "    clipped = []\n"
            "    for g in grads:\n"
            "        if max_norm / (total + eps) < 1:\n"
            "            clipped.append(np.multiply(g, max_norm / (total + eps)))\n"
            "        else:\n"
            "            clipped.append(np.array(g, copy=True))\n"
            "    return clipped, float(total)\n"
        ),
    },
    "clip_by_norm_per_tensor": {
        "min_form": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    out = []\n"
            "    for g in grads:\n"
            "        norm = np.linalg.norm(g)\n"
            "        out.append(g * (max_norm / norm) if norm > max_norm else g.copy())\n"
            "    return out\n"
        ),
        "keras_form": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    return [g * max_norm / np.maximum(np.sqrt(np.sum(g ** 2)), max_norm) for g in grads]\n"
        ),
    },
    "q_direction": {"upper_case": 'ANSWER_DIRECTION = "C"\n', "spaces": 'ANSWER_DIRECTION = " c "\n'},
    "q_keras_clipnorm": {"upper_case": 'ANSWER_KERAS_CLIPNORM = "B"\n'},
    "q_total": {"upper_case": 'ANSWER_TOTAL = "B"\n'},
}

WRONG = {
    "global_norm": {
        "sum_of_norms": (
            "def global_norm(grads):\n"
            "    return float(sum(np.linalg.norm(g) for g in grads))\n",
            "sum of the per-tensor norms",
        ),
        "mean_of_norms": (
            "def global_norm(grads):\n"
            "    return float(np.mean([np.linalg.norm(g) for g in grads]))\n",
            "mean of the per-tensor norms",
        ),
        "rms_of_entries": (
            "def global_norm(grads):\n"
            "    flat = np.concatenate([np.ravel(g) for g in grads])\n"
            "    return float(np.sqrt(np.mean(flat ** 2)))\n",
            "root-mean-square",
        ),
        "no_sqrt": (
            "def global_norm(grads):\n"
            "    return float(sum(np.sum(g ** 2) for g in grads))\n",
            "square root is missing",
        ),
        "not_a_python_float": (
            "def global_norm(grads):\n"
            "    return np.sqrt(np.array([np.sum(g ** 2) for g in grads]).sum(keepdims=True))\n",
            "Python float",
        ),
        "float32_scalar": (
            "def global_norm(grads):\n"
            "    return np.linalg.norm(np.concatenate([np.ravel(g) for g in grads]))\n",
            "Python float",
        ),
    },
    "clip_by_value": {
        "in_place": (
            "def clip_by_value(grads, clip_value):\n"
            "    return [np.clip(g, -clip_value, clip_value, out=g) for g in grads]\n",
            "modified in place",
        ),
        "same_list": (
            "def clip_by_value(grads, clip_value):\n"
            "    for i, g in enumerate(grads):\n"
            "        grads[i] = np.clip(g, -clip_value, clip_value)\n"
            "    return grads\n",
            "new list",
        ),
        "upper_side_only": (
            "def clip_by_value(grads, clip_value):\n"
            "    return [np.minimum(g, clip_value) for g in grads]\n",
            "only the upper side",
        ),
        "rescale_by_max_entry": (
            "def clip_by_value(grads, clip_value):\n"
            "    return [g * min(1.0, clip_value / np.abs(g).max()) for g in grads]\n",
            "rescaled",
        ),
        "same_arrays_when_small": (
            "def clip_by_value(grads, clip_value):\n"
            "    return [g if np.all(np.abs(g) <= clip_value) else np.clip(g, -clip_value, clip_value)\n"
            "            for g in grads]\n",
            "return new arrays",
        ),
    },
    "clip_by_global_norm": {
        "per_tensor": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    return [g * min(1.0, max_norm / (np.linalg.norm(g) + eps)) for g in grads], total\n",
            "its own norm",
        ),
        "always_rescale": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    return [g * (max_norm / (total + eps)) for g in grads], total\n",
            "already below",
        ),
        "total_after_clipping": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    scale = min(1.0, max_norm / (total + eps))\n"
            "    clipped = [g * scale for g in grads]\n"
            "    return clipped, global_norm(clipped)\n",
            "after clipping",
        ),
        "eps_ignored": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    scale = max_norm / total if total > 0 else 1.0\n"
            "    return ([g * scale for g in grads] if scale < 1 else [g.copy() for g in grads]), total\n",
            "inside the denominator",
        ),
        "eps_added_to_scale": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    scale = max_norm / total + eps if total > 0 else 1.0\n"
            "    return ([g * scale for g in grads] if scale < 1 else [g.copy() for g in grads]), total\n",
            "inside the denominator",
        ),
        "in_place": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    scale = max_norm / (total + eps)\n"
            "    if scale < 1:\n"
            "        for g in grads:\n"
            "            g *= scale\n"
            "    return list(grads), total\n",
            "modified in place",
        ),
        "same_arrays_when_not_clipped": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    total = global_norm(grads)\n"
            "    scale = max_norm / (total + eps)\n"
            "    return ([g * scale for g in grads] if scale < 1 else list(grads)), total\n",
            "return new arrays",
        ),
        "value_clipping": (
            "def clip_by_global_norm(grads, max_norm, eps=1e-6):\n"
            "    return [np.clip(g, -max_norm, max_norm) for g in grads], global_norm(grads)\n",
            "clamped entry by entry",
        ),
    },
    "clip_by_norm_per_tensor": {
        "global_norm_used": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g ** 2) for g in grads))\n"
            "    return [g * max_norm / max(total, max_norm) for g in grads]\n",
            "one common factor",
        ),
        "always_rescale": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    return [g * max_norm / np.linalg.norm(g) for g in grads]\n",
            "already below max_norm",
        ),
        "value_clipping": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    return [np.clip(g, -max_norm, max_norm) for g in grads]\n",
            "clipping by value",
        ),
        "spectral_norm": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    return [g * max_norm / max(np.linalg.norm(g, 2), max_norm) for g in grads]\n",
            "largest singular value",
        ),
        "same_arrays_when_small": (
            "def clip_by_norm_per_tensor(grads, max_norm):\n"
            "    out = []\n"
            "    for g in grads:\n"
            "        norm = np.linalg.norm(g)\n"
            "        out.append(g * (max_norm / norm) if norm > max_norm else g)\n"
            "    return out\n",
            "return new arrays",
        ),
    },
    "q_direction": {
        "value": ('ANSWER_DIRECTION = "a"\n', "Not this one"),
        "per_tensor": ('ANSWER_DIRECTION = "b"\n', "Not this one"),
        "all_three": ('ANSWER_DIRECTION = "d"\n', "Not this one"),
        "not_a_letter": ('ANSWER_DIRECTION = "global norm"\n', "one of the strings"),
    },
    "q_keras_clipnorm": {
        "global": ('ANSWER_KERAS_CLIPNORM = "a"\n', "Not this one"),
        "stretched": ('ANSWER_KERAS_CLIPNORM = "c"\n', "Not this one"),
        "by_value": ('ANSWER_KERAS_CLIPNORM = "d"\n', "Not this one"),
    },
    "q_total": {
        "after": ('ANSWER_TOTAL = "a"\n', "Not this one"),
        "count": ('ANSWER_TOTAL = "c"\n', "Not this one"),
        "not_in_place": ('ANSWER_TOTAL = "d"\n', "Not this one"),
    },
}

EQUIVALENT_MUTANTS = {
    "clip_by_value": {
        "7ac6866aa5": (
            "np.clip(-c, g, c) is min(max(-c, g), c), the same entries (NaN included), shapes and fresh arrays "
            "as np.clip(g, -c, c); only float32 input comes back as float64, a dtype the contract leaves open "
            "(a correct looped answer built from Python floats does the same)."
        ),
    },
    "clip_by_global_norm": {
        "6b064093b8": (
            "at scale exactly 1 it returns g * 1.0 instead of g.copy(), the same values in a new array, as "
            "the CORRECT always-multiply variant and PyTorch's clamp-then-multiply clip_grad_norm_ do."
        ),
    },
    "clip_by_norm_per_tensor": {
        "69fd6ca0f6": (
            "Python's max gives the same value in either argument order except on a tie (equal values, so the "
            "factor is 1 either way) or a NaN norm, where max(||g||, max_norm) is undefined and the CORRECT "
            "variants already disagree."
        ),
    },
}
