"""Other correct answers and plausible wrong ones for 06_frameworks.

Each variant is the whole source of an answer cell; it runs in the notebook's
kernel after the reference notebook, so it may use np, math, keras, torch, nn
and the other exercises' functions. A WRONG entry is (source, text the failure
message must contain).
"""

# ---------------------------------------------------------------- questions
_Q = {
    "q_linear_default": "ANSWER_LINEAR_DEFAULT",
    "q_truncation": "ANSWER_TRUNCATION",
    "q_bn_momentum": "ANSWER_BN_MOMENTUM",
}


def _q(gid, letter):
    return f'{_Q[gid]} = "{letter}"\n'


CORRECT = {
    "q_linear_default": {"upper_case": _q("q_linear_default", "C")},
    "q_truncation": {"spaces": '{} = " b "\n'.format(_Q["q_truncation"])},
    "q_bn_momentum": {"upper_case": _q("q_bn_momentum", "B")},
}

WRONG = {
    "q_linear_default": {
        "a_is_he": (_q("q_linear_default", "a"), "with a=sqrt(5), which changes the gain"),
        "b_glorot": (_q("q_linear_default", "b"), "Keras' Glorot default"),
        "d_explodes": (_q("q_linear_default", "d"), "the signal cannot grow"),
        "not_a_letter": ('ANSWER_LINEAR_DEFAULT = "1/6"\n', "one of the letters"),
    },
    "q_truncation": {
        "a_uniform": (_q("q_truncation", "a"), "differ by sqrt(3)"),
        "c_relu": (_q("q_truncation", "c"), "already accounts for ReLU"),
        "d_rounding": (_q("q_truncation", "d"), "Rounding to float32"),
    },
    "q_bn_momentum": {
        "a_same_number": (_q("q_bn_momentum", "a"), "opposite sides of the update"),
        "c_default": (_q("q_bn_momentum", "c"), "ten times more slowly"),
        "d_impossible": (_q("q_bn_momentum", "d"), "can be matched exactly"),
    },
}

# ---------------------------------------------------------------- he_dense_keras
_DENSE = '''def he_dense_keras(units, activation="relu"):
    """A Dense layer with He-normal kernel and zero bias."""
    return keras.layers.Dense(units, {args})
'''


def _dense(args):
    return _DENSE.format(args=args)


CORRECT["he_dense_keras"] = {
    "string": _dense('activation=activation, kernel_initializer="he_normal"'),
    "variance_scaling": _dense('activation=activation, kernel_initializer=keras.initializers.VarianceScaling('
                               'scale=2.0, mode="fan_in", distribution="truncated_normal"), '
                               'bias_initializer=keras.initializers.Zeros()'),
}
WRONG["he_dense_keras"] = {
    "keras_default": (_dense("activation=activation"), "default kernel_initializer"),
    "he_uniform": (_dense('activation=activation, kernel_initializer="he_uniform"'),
                   "Normal and uniform swapped"),
    "glorot_normal": (_dense('activation=activation, kernel_initializer="glorot_normal"'), "Glorot for He"),
    "fan_out": (_dense('activation=activation, kernel_initializer=keras.initializers.VarianceScaling('
                       '2.0, "fan_out", "truncated_normal")'), "He scales by fan_in, not fan_out"),
    "bias_ones": (_dense('activation=activation, kernel_initializer="he_normal", bias_initializer="ones"'),
                  "Biases should start at zero"),
    "activation_ignored": (_dense('activation="relu", kernel_initializer="he_normal"'),
                           "should be passed on to the Dense layer"),
    "no_bias": (_dense('activation=activation, kernel_initializer="he_normal", use_bias=False'),
                "has no bias"),
}

# ---------------------------------------------------------------- HeLinear
_HE_LINEAR = '''class HeLinear(nn.Module):
    """He-initialised affine layer."""

    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features))
        {init}

    def forward(self, x):
        return {forward}
'''


def _he_linear(init='nn.init.kaiming_normal_(self.weight, mode="fan_in", nonlinearity="relu")',
               forward="x @ self.weight.T + self.bias"):
    return _HE_LINEAR.format(init=init, forward=forward)


CORRECT["HeLinear"] = {
    "wrapped_linear": '''class HeLinear(nn.Module):
    """He-initialised affine layer wrapping nn.Linear."""

    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features)
        nn.init.kaiming_normal_(self.linear.weight, nonlinearity="relu")
        nn.init.zeros_(self.linear.bias)

    def forward(self, x):
        return self.linear(x)
''',
    "manual_randn": '''import math


class HeLinear(nn.Module):
    """He-initialised affine layer, drawn by hand."""

    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features) * math.sqrt(2.0 / in_features))
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return torch.nn.functional.linear(x, self.weight, self.bias)
''',
    "kaiming_defaults": _he_linear(init="nn.init.kaiming_normal_(self.weight)",
                                   forward="torch.addmm(self.bias, x, self.weight.t())"),
}
WRONG["HeLinear"] = {
    "fan_out": (_he_linear(init='nn.init.kaiming_normal_(self.weight, mode="fan_out", nonlinearity="relu")'),
                "He scales by fan_in, not fan_out"),
    "pytorch_default": ('''class HeLinear(nn.Linear):
    """nn.Linear with its default initialization."""

    def __init__(self, in_features, out_features):
        super().__init__(in_features, out_features)
''', "default nn.Linear init"),
    "bias_not_zeroed": (_he_linear(init='nn.init.kaiming_normal_(self.weight, nonlinearity="relu")\n'
                                        '        nn.init.uniform_(self.bias, -0.1, 0.1)'),
                        "forgot to zero the bias"),
    "kaiming_uniform": (_he_linear(init='nn.init.kaiming_uniform_(self.weight, nonlinearity="relu")'),
                        "kaiming_uniform_ from a uniform"),
    "in_out_layout": ('''class HeLinear(nn.Module):
    """Weight stored (in, out) as in numpy."""

    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_features, out_features) * (2.0 / in_features) ** 0.5)
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x):
        return x @ self.weight + self.bias
''', "(out_features, in_features)"),
    "no_bias_in_forward": (_he_linear(forward="x @ self.weight.T"), "the bias is not added in forward"),
    "not_registered": ('''class HeLinear(nn.Module):
    """Plain tensors: not registered as parameters."""

    def __init__(self, in_features, out_features):
        super().__init__()
        self.w = torch.randn(out_features, in_features) * (2.0 / in_features) ** 0.5
        self.b = torch.zeros(out_features)

    def forward(self, x):
        return x @ self.w.T + self.b
''', "no registered parameters"),
    "no_gain": (_he_linear(init='nn.init.kaiming_normal_(self.weight, nonlinearity="linear")'),
                "the gain sqrt(2) for ReLU is missing"),
}

# ---------------------------------------------------------------- keras_initializer
CORRECT["keras_initializer"] = {
    "strings": '''def keras_initializer(scheme):
    """Via Keras' own names."""
    names = {"he_normal": "he_normal", "he_uniform": "he_uniform",
             "xavier_normal": "glorot_normal", "xavier_uniform": "glorot_uniform"}
    if scheme not in names:
        raise ValueError(scheme)
    return keras.initializers.get(names[scheme])
''',
    "variance_scaling": '''def keras_initializer(scheme):
    """As VarianceScaling configurations."""
    configs = {"he_normal": (2.0, "fan_in", "truncated_normal"), "he_uniform": (2.0, "fan_in", "uniform"),
               "xavier_normal": (1.0, "fan_avg", "truncated_normal"), "xavier_uniform": (1.0, "fan_avg", "uniform")}
    try:
        scale, mode, distribution = configs[scheme]
    except KeyError:
        raise ValueError(f"unknown scheme {scheme}") from None
    return keras.initializers.VarianceScaling(scale=scale, mode=mode, distribution=distribution)
''',
    "if_chain": '''def keras_initializer(scheme):
    """One branch per scheme."""
    if scheme == "he_normal":
        return keras.initializers.HeNormal()
    elif scheme == "he_uniform":
        return keras.initializers.HeUniform()
    elif scheme == "xavier_normal":
        return keras.initializers.GlorotNormal()
    elif scheme == "xavier_uniform":
        return keras.initializers.GlorotUniform()
    raise ValueError(scheme)
''',
}
_KI = '''def keras_initializer(scheme):
    """A Keras initializer."""
    table = {{"he_normal": {hn}, "he_uniform": {hu},
             "xavier_normal": {xn}, "xavier_uniform": {xu}}}
    if scheme not in table:
        raise ValueError(scheme)
    return {ret}
'''


def _ki(hn="keras.initializers.HeNormal", hu="keras.initializers.HeUniform",
        xn="keras.initializers.GlorotNormal", xu="keras.initializers.GlorotUniform", ret="table[scheme]()"):
    return _KI.format(hn=hn, hu=hu, xn=xn, xu=xu, ret=ret)


WRONG["keras_initializer"] = {
    "normal_uniform_swapped": (_ki(hn="keras.initializers.HeUniform", hu="keras.initializers.HeNormal"),
                               "Normal and uniform swapped"),
    "xavier_as_he": (_ki(xn="keras.initializers.HeNormal", xu="keras.initializers.HeUniform"),
                     "Wrong scheme (He for Glorot)"),
    "lecun_for_xavier": (_ki(xn="keras.initializers.LecunNormal", xu="keras.initializers.LecunUniform"),
                         "LeCun initialization"),
    "class_not_instance": (_ki(ret="table[scheme]"), "not an instance"),
    "no_value_error": ('''def keras_initializer(scheme):
    """Unknown names fall back to None."""
    table = {"he_normal": keras.initializers.HeNormal, "he_uniform": keras.initializers.HeUniform,
             "xavier_normal": keras.initializers.GlorotNormal, "xavier_uniform": keras.initializers.GlorotUniform}
    cls = table.get(scheme)
    return cls() if cls else None
''', "should raise ValueError"),
    "shared_instances": ('''_SHARED = {"he_normal": keras.initializers.HeNormal(), "he_uniform": keras.initializers.HeUniform(),
           "xavier_normal": keras.initializers.GlorotNormal(), "xavier_uniform": keras.initializers.GlorotUniform()}


def keras_initializer(scheme):
    """The same instance every time."""
    if scheme not in _SHARED:
        raise ValueError(scheme)
    return _SHARED[scheme]
''', "identical"),
    "fixed_seed": (_ki(ret="table[scheme](seed=0)"), "identical"),
}

# ---------------------------------------------------------------- init_torch_model
_ITM = '''def init_torch_model(model, scheme):
    """Re-initialise Linear and Conv2d layers."""
    fns = {{
        "he_normal": lambda w: nn.init.kaiming_normal_(w, mode="{mode}", nonlinearity="relu"),
        "he_uniform": lambda w: nn.init.kaiming_uniform_(w, mode="{mode}", nonlinearity="relu"),
        "xavier_normal": nn.init.xavier_normal_,
        "xavier_uniform": nn.init.xavier_uniform_,
    }}
    if scheme not in fns:
        raise ValueError(scheme)
    for m in model.{walk}():
        if isinstance(m, {types}):
            fns[scheme](m.weight)
            {bias}
    {ret}
'''


def _itm(mode="fan_in", walk="modules", types="(nn.Linear, nn.Conv2d)",
         bias="if m.bias is not None:\n                nn.init.zeros_(m.bias)", ret="return model"):
    return _ITM.format(mode=mode, walk=walk, types=types, bias=bias, ret=ret)


_MANUAL = '''import math


def init_torch_model(model, scheme):
    """By hand: fans from the (out, in, *kernel) shape."""
    if scheme not in ("he_normal", "he_uniform", "xavier_normal", "xavier_uniform"):
        raise ValueError(scheme)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Linear, nn.Conv2d)):
                w = m.weight
                {fans}
                std = math.sqrt(2.0 / fan_in) if scheme.startswith("he") else math.sqrt(2.0 / (fan_in + fan_out))
                if scheme.endswith("normal"):
                    w.normal_(0.0, std)
                else:
                    w.uniform_(-{limit}, {limit})
                if m.bias is not None:
                    m.bias.zero_()
    return model
'''
_GOOD_FANS = ("receptive = math.prod(w.shape[2:])\n"
              "                fan_in, fan_out = w.shape[1] * receptive, w.shape[0] * receptive")

CORRECT["init_torch_model"] = {
    "apply": '''def init_torch_model(model, scheme):
    """With model.apply."""
    if scheme not in ("he_normal", "he_uniform", "xavier_normal", "xavier_uniform"):
        raise ValueError(f"unknown scheme {scheme!r}")

    def fn(m):
        if type(m) in (nn.Linear, nn.Conv2d):
            if scheme == "he_normal":
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            elif scheme == "he_uniform":
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
            elif scheme == "xavier_normal":
                nn.init.xavier_normal_(m.weight, gain=1.0)
            else:
                nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain("linear"))
            if m.bias is not None:
                with torch.no_grad():
                    m.bias.copy_(torch.zeros_like(m.bias))

    model.apply(fn)
    return model
''',
    "manual_fans": _MANUAL.format(fans=_GOOD_FANS, limit="math.sqrt(3.0) * std"),
}
WRONG["init_torch_model"] = {
    "children_only": (_itm(walk="children"), "model.children() only"),
    "linear_only": (_itm(types="nn.Linear"), "nn.Conv2d layer was not re-initialised"),
    "biases_kept": (_itm(bias="pass"), "Biases should be zeroed"),
    "fan_out": (_itm(mode="fan_out"), "He scales by fan_in, not fan_out"),
    "crash_on_bias_none": (_itm(bias="nn.init.zeros_(m.bias)"), "bias=False"),
    "no_return": (_itm(ret="pass"), "should return the model"),
    "no_receptive_field": (_MANUAL.format(fans="fan_in, fan_out = w.shape[1], w.shape[0]",
                                          limit="math.sqrt(3.0) * std"),
                           "receptive field is missing"),
    "std_as_uniform_limit": (_MANUAL.format(fans=_GOOD_FANS, limit="std"),
                             "the normal std was used as the uniform limit"),
    "every_parameter": ('''def init_torch_model(model, scheme):
    """Every matrix re-initialised, every vector zeroed (BatchNorm's gamma too)."""
    fns = {"he_normal": lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
           "he_uniform": lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu"),
           "xavier_normal": nn.init.xavier_normal_, "xavier_uniform": nn.init.xavier_uniform_}
    if scheme not in fns:
        raise ValueError(scheme)
    for p in model.parameters():
        if p.dim() > 1:
            fns[scheme](p)
        else:
            nn.init.zeros_(p)
    return model
''', "BatchNorm1d parameters were changed"),
}

# ---------------------------------------------------------------- build_torch_mlp
_BTM = '''def build_torch_mlp(in_dim, hidden, depth, out_dim, activation="relu", init="he_normal", batch_norm=False):
    """An MLP as nn.Sequential."""
    acts = {{"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}}
    layers, width = [], in_dim
    for _ in range({count}):
        layers.append(nn.Linear(width, hidden))
        {block}
        width = hidden
    layers.append(nn.Linear(width, out_dim))
    {final}
    return {ret}
'''
_BN_THEN_ACT = ("if batch_norm:\n            layers.append(nn.BatchNorm1d(hidden))\n"
                "        layers.append(acts[activation]())")


def _btm(count="depth", block=_BN_THEN_ACT, final="pass", ret="init_torch_model(nn.Sequential(*layers), init)"):
    return _BTM.format(count=count, block=block, final=final, ret=ret)


CORRECT["build_torch_mlp"] = {
    "nested_blocks_bias_free": '''def build_torch_mlp(in_dim, hidden, depth, out_dim, activation="relu", init="he_normal", batch_norm=False):
    """Blocks of nn.Sequential; no bias in front of batch norm."""
    act = {"relu": nn.ReLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid()}[activation]
    blocks = []
    for i in range(depth):
        parts = [nn.Linear(in_dim if i == 0 else hidden, hidden, bias=not batch_norm)]
        if batch_norm:
            parts.append(nn.BatchNorm1d(hidden))
        parts.append(type(act)())
        blocks.append(nn.Sequential(*parts))
    model = nn.Sequential(*blocks, nn.Linear(hidden if depth else in_dim, out_dim))
    return init_torch_model(model, init)
''',
    "ordered_dict_own_init": '''from collections import OrderedDict


def build_torch_mlp(in_dim, hidden, depth, out_dim, activation="relu", init="he_normal", batch_norm=False):
    """Named layers, initialised here."""
    act = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}[activation]
    named, width = OrderedDict(), in_dim
    for i in range(1, depth + 1):
        named[f"linear{i}"] = nn.Linear(width, hidden)
        if batch_norm:
            named[f"bn{i}"] = nn.BatchNorm1d(hidden)
        named[f"act{i}"] = act()
        width = hidden
    named["output"] = nn.Linear(width, out_dim)
    model = nn.Sequential(named)
    for m in model.modules():
        if isinstance(m, nn.Linear):
            if init == "he_normal":
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            elif init == "he_uniform":
                nn.init.kaiming_uniform_(m.weight, nonlinearity="relu")
            elif init == "xavier_normal":
                nn.init.xavier_normal_(m.weight)
            else:
                nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model
''',
}
WRONG["build_torch_mlp"] = {
    "bn_after_activation": (_btm(block="layers.append(acts[activation]())\n        if batch_norm:\n"
                                      "            layers.append(nn.BatchNorm1d(hidden))"),
                            "Batch norm is placed after the activation"),
    "final_activation": (_btm(final="layers.append(acts[activation]())"), "no activation after the final layer"),
    "depth_counts_all_layers": (_btm(count="depth - 1"), "depth counts hidden layers"),
    "init_ignored": (_btm(ret="nn.Sequential(*layers)"), "default init (kaiming_uniform_ with a=sqrt(5)) was left"),
    "always_relu": (_btm(block="if batch_norm:\n            layers.append(nn.BatchNorm1d(hidden))\n"
                               "        layers.append(nn.ReLU())"), "should give one nn.Tanh"),
}

# ---------------------------------------------------------------- build_keras_mlp
_BKM = '''def build_keras_mlp(in_dim, hidden, depth, out_dim, activation="relu", init="he_normal", batch_norm=False):
    """An MLP as keras.Sequential."""
    layers = [{first}]
    {shared}
    for _ in range({count}):
        {block}
    layers.append(keras.layers.Dense(out_dim, kernel_initializer={kinit}{final_act}))
    return keras.Sequential([layer for layer in layers if layer is not None])
'''
_GOOD_BLOCK = ('if batch_norm:\n'
               '            layers += [keras.layers.Dense(hidden, kernel_initializer={kinit}),\n'
               '                       keras.layers.BatchNormalization(), keras.layers.Activation(activation)]\n'
               '        else:\n'
               '            layers.append(keras.layers.Dense(hidden, activation=activation, kernel_initializer={kinit}))')


def _bkm(first="keras.Input(shape=(in_dim,))", shared="pass", count="depth", block=_GOOD_BLOCK,
         kinit="keras_initializer(init)", final_act=""):
    return _BKM.format(first=first, shared=shared, count=count, block=block.format(kinit=kinit),
                       kinit=kinit, final_act=final_act)


CORRECT["build_keras_mlp"] = {
    "activation_layers": _bkm(block='layers.append(keras.layers.Dense(hidden, kernel_initializer={kinit}))\n'
                                    '        if batch_norm:\n'
                                    '            layers.append(keras.layers.BatchNormalization())\n'
                                    '        layers.append(keras.layers.Activation(activation))'),
    "keras_strings": _bkm(shared='names = {"he_normal": "he_normal", "he_uniform": "he_uniform", '
                                 '"xavier_normal": "glorot_normal", "xavier_uniform": "glorot_uniform"}',
                          kinit="names[init]"),
}
WRONG["build_keras_mlp"] = {
    "bn_after_activation": (_bkm(block='layers.append(keras.layers.Dense(hidden, activation=activation, '
                                       'kernel_initializer={kinit}))\n'
                                       '        if batch_norm:\n'
                                       '            layers.append(keras.layers.BatchNormalization())'),
                            "Batch norm is placed after the activation"),
    "final_activation": (_bkm(final_act=", activation=activation"), "no activation after the final layer"),
    "depth_counts_all_layers": (_bkm(count="depth - 1"), "depth counts hidden layers"),
    "shared_initializer": (_bkm(shared="shared_init = keras_initializer(init)", kinit="shared_init"), "identical"),
    "init_ignored": (_bkm(kinit='"glorot_uniform"'), "default kernel_initializer"),
    "no_input": (_bkm(first="None"), "should start with keras.Input"),
}

# ---------------------------------------------------------------- equivalent mutants
EQUIVALENT_MUTANTS = {
    "keras_initializer": {
        "6bf1fbb589": "Dropping sorted() only changes the wording of the ValueError message for an unknown scheme "
                      "(a dict instead of a sorted list of names); the contract fixes the exception type, not its text.",
    },
    "init_torch_model": {
        "dd112bdb39": "Dropping sorted() only changes the wording of the ValueError message for an unknown scheme "
                      "(a dict instead of a sorted list of names); the contract fixes the exception type, not its text.",
    },
    "build_torch_mlp": {
        "57818aee3d": "Raising the bare string gives a TypeError instead of a ValueError, and only for an activation "
                      "outside relu/tanh/sigmoid, an input the contract does not cover: it fixes no exception type "
                      "there, and the CORRECT variants (a dict lookup) raise KeyError.",
        "b160963d8d": "Dropping sorted() only changes the wording of the error message for an unknown activation, "
                      "an input whose behaviour the contract does not fix.",
    },
}
