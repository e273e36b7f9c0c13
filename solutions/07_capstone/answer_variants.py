"""Alternative correct answers and plausible wrong ones for 07_capstone.

Each variant is the whole source of an answer cell; it runs after the setup
cell, so numpy (np), torch, nn, load_digits and train_test_split are defined.
"""

# ---------------------------------------------------------------------------
# load_digits_split
# ---------------------------------------------------------------------------
_SPLIT_HEAD = '''\
def load_digits_split(seed=0):
    X, y = load_digits(return_X_y=True)
'''

_SPLIT_OK_TAIL = '''\
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (((X_train - mean) / std).astype(np.float32), y_train.astype(np.int64),
            ((X_val - mean) / std).astype(np.float32), y_val.astype(np.int64))
'''

CORRECT_SPLIT = {
    "standard_scaler": _SPLIT_HEAD + '''\
    from sklearn.preprocessing import StandardScaler
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    scaler = StandardScaler().fit(X_train)
    return (scaler.transform(X_train).astype(np.float32), y_train.astype(np.int64),
            scaler.transform(X_val).astype(np.float32), y_val.astype(np.int64))
''',
    "eps_guard": _SPLIT_HEAD + '''\
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    mean = X_train.mean(axis=0, keepdims=True)
    std = X_train.std(axis=0, keepdims=True) + 1e-8
    return (np.float32((X_train - mean) / std), np.int64(y_train),
            np.float32((X_val - mean) / std), np.int64(y_val))
''',
    "stratified_shuffle_split_float32_stats": _SPLIT_HEAD + '''\
    from sklearn.model_selection import StratifiedShuffleSplit
    train_idx, val_idx = next(StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=seed).split(X, y))
    X = X.astype(np.float32)
    X_train, X_val = X[train_idx], X[val_idx]
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std[std == 0] = 1.0
    X_train = (X_train - mean) / std
    X_val = (X_val - mean) / std
    return X_train, y[train_idx].astype(np.int64), X_val, y[val_idx].astype(np.int64)
''',
}

WRONG_SPLIT = {
    "val_standardised_with_its_own_stats": (_SPLIT_HEAD + '''\
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)

    def standardise(A):
        std = A.std(axis=0)
        return ((A - A.mean(axis=0)) / np.where(std > 0, std, 1.0)).astype(np.float32)

    return standardise(X_train), y_train.astype(np.int64), standardise(X_val), y_val.astype(np.int64)
''', "its own statistics"),
    "standardised_before_splitting": (_SPLIT_HEAD + '''\
    std = X.std(axis=0)
    X = ((X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)).astype(np.float32)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    return X_train, y_train.astype(np.int64), X_val, y_val.astype(np.int64)
''', "before splitting"),
    "not_stratified": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace("stratify=y, ", ""), "not stratified"),
    "float64_features": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace(".astype(np.float32)", ""), "dtype float32"),
    "test_size_quarter": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace("test_size=0.2", "test_size=0.25"),
                          "20% of the images"),
    "train_and_val_swapped": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace("test_size=0.2", "train_size=0.2"),
                              "20% of the images"),
    "validation_not_standardised": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace(
        "((X_val - mean) / std).astype(np.float32)", "X_val.astype(np.float32)"), "not transformed the same way"),
    "no_guard_for_constant_pixels": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace(
        "    std = np.where(std > 0, std, 1.0)\n", ""), "division by zero"),
    "seed_ignored": (_SPLIT_HEAD + _SPLIT_OK_TAIL.replace("random_state=seed", "random_state=0"),
                     "same split as seed=0"),
    "labels_split_separately": (_SPLIT_HEAD + '''\
    X_train, X_val = train_test_split(X, test_size=0.2, random_state=seed)
    y_train, y_val = train_test_split(y, test_size=0.2, stratify=y, random_state=seed)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (((X_train - mean) / std).astype(np.float32), y_train.astype(np.int64),
            ((X_val - mean) / std).astype(np.float32), y_val.astype(np.int64))
''', "keeps its own label"),
}

# ---------------------------------------------------------------------------
# train_torch_mlp
# ---------------------------------------------------------------------------
_TRAIN_REFERENCE = '''\
def train_torch_mlp(model, data, epochs, lr, clip_norm=None, seed=0):
    X_train, y_train, X_val, y_val = (torch.as_tensor(a) for a in data)
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)
    history = {"loss": [], "val_acc": [], "grad_norms": []}
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(X_train), generator=generator)
        losses, norms = [], []
        for start in range(0, len(X_train), 64):
            idx = order[start:start + 64]
            optimizer.zero_grad()
            loss = loss_fn(model(X_train[idx]), y_train[idx])
            loss.backward()
            norms.append([lin.weight.grad.norm().item() for lin in linears])
            if clip_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
            optimizer.step()
            losses.append(loss.item())
        model.eval()
        with torch.no_grad():
            accuracy = (model(X_val).argmax(dim=1) == y_val).float().mean().item()
        model.train()
        history["loss"].append(float(np.mean(losses)))
        history["val_acc"].append(accuracy)
        history["grad_norms"].append(np.mean(norms, axis=0).tolist())
    return history
'''


def _train(old, new, count=1):
    assert _TRAIN_REFERENCE.count(old) >= 1, old
    return _TRAIN_REFERENCE.replace(old, new, count)


CORRECT_TRAIN = {
    "dataloader_last_step_norms": '''\
def train_torch_mlp(model, data, epochs, lr, clip_norm=None, seed=0):
    from torch.utils.data import DataLoader, TensorDataset
    X_train, y_train, X_val, y_val = (torch.from_numpy(np.asarray(a)) for a in data)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    history = {"loss": [], "val_acc": [], "grad_norms": []}
    for epoch in range(epochs):
        model.train()
        total, count = 0.0, 0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            last_norms = [float(torch.linalg.vector_norm(m.weight.grad))
                          for m in model.modules() if isinstance(m, nn.Linear)]
            if clip_norm is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=clip_norm)
            optimizer.step()
            total += loss.item() * len(xb)
            count += len(xb)
        model.eval()
        with torch.no_grad():
            predictions = model(X_val).argmax(dim=1)
        history["loss"].append(total / count)
        history["val_acc"].append(float((predictions == y_val).sum()) / len(y_val))
        history["grad_norms"].append(last_norms)
    model.train()
    return history
''',
    "numpy_permutation_norms_after_clipping": '''\
def train_torch_mlp(model, data, epochs, lr, clip_norm=None, seed=0):
    X_train, y_train, X_val, y_val = data
    rng = np.random.default_rng(seed)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    weights = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]
    history = {"loss": [], "val_acc": [], "grad_norms": []}
    for epoch in range(epochs):
        perm = rng.permutation(len(X_train))
        sums = np.zeros(len(weights))
        batch_losses = []
        steps = 0
        for i in range(0, len(perm), 64):
            rows = perm[i:i + 64]
            xb, yb = torch.tensor(X_train[rows]), torch.tensor(y_train[rows])
            loss = criterion(model(xb), yb)
            loss.backward()
            if clip_norm is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
            sums += np.array([w.grad.norm().item() for w in weights])
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            batch_losses.append(loss.item())
            steps += 1
        model.eval()
        correct = 0
        with torch.no_grad():
            for i in range(0, len(X_val), 100):
                out = model(torch.tensor(X_val[i:i + 100]))
                correct += int((out.argmax(1).numpy() == y_val[i:i + 100]).sum())
        model.train()
        history["loss"].append(sum(batch_losses) / len(batch_losses))
        history["val_acc"].append(correct / len(X_val))
        history["grad_norms"].append(list(sums / steps))
    return history
''',
}

WRONG_TRAIN = {
    "clip_after_step": (_train(
        """            if clip_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
            optimizer.step()
""", """            optimizer.step()
            if clip_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
"""), "clipping after the step has no effect"),
    "clip_each_tensor_separately": (_train(
        "                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)\n",
        "                for p in model.parameters():\n"
        "                    nn.utils.clip_grad_norm_(p, clip_norm)\n"), "each tensor was clipped separately"),
    "clip_by_value": (_train(
        "                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)\n",
        "                nn.utils.clip_grad_value_(model.parameters(), clip_norm)\n"), "global gradient norm was not clipped before the step"),
    "val_acc_in_train_mode": (_train("        model.eval()\n", ""), "training mode"),
    "no_model_train_after_eval": (_train("        model.train()\n        history", "        history"),
                                  "call model.train() again"),
    "no_zero_grad": (_train("            optimizer.zero_grad()\n", ""), "zero_grad"),
    "grad_norms_reversed": (_train("np.mean(norms, axis=0).tolist()", "np.mean(norms, axis=0).tolist()[::-1]"),
                            "reverse order"),
    "grad_norms_of_biases_too": (_train(
        "norms.append([lin.weight.grad.norm().item() for lin in linears])",
        "norms.append([p.grad.norm().item() for lin in linears for p in (lin.weight, lin.bias)])"),
        "no biases"),
    "grad_norms_of_batchnorm_weights_too": (_train(
        "norms.append([lin.weight.grad.norm().item() for lin in linears])",
        "norms.append([m.weight.grad.norm().item() for m in model.modules()\n"
        "                          if getattr(m, 'weight', None) is not None])"),
        "no BatchNorm parameters"),
    "no_shuffling": (_train("torch.randperm(len(X_train), generator=generator)", "torch.arange(len(X_train))"),
                     "not shuffled"),
    "shuffled_from_global_random_state": (_train("torch.randperm(len(X_train), generator=generator)",
                                                 "torch.randperm(len(X_train))"), "must depend on seed"),
    "shuffled_with_unseeded_numpy": (_train("torch.randperm(len(X_train), generator=generator)",
                                            "torch.from_numpy(np.random.permutation(len(X_train)))"),
                                     "with the same seed shuffled the rows differently"),
    "generator_reseeded_every_epoch": (_train(
        "        order = torch.randperm(len(X_train), generator=generator)",
        "        order = torch.randperm(len(X_train), generator=torch.Generator().manual_seed(seed))"),
        "every epoch used the same order"),
    "loss_summed_over_batch": (_train("nn.CrossEntropyLoss()", "nn.CrossEntropyLoss(reduction='sum')"),
                               "summed over the batch"),
    "trains_a_copy": (_train("    X_train, y_train, X_val, y_val = (torch.as_tensor(a) for a in data)\n",
                             "    import copy\n    model = copy.deepcopy(model)\n"
                             "    X_train, y_train, X_val, y_val = (torch.as_tensor(a) for a in data)\n"),
                      "did not change"),
    "val_acc_as_percentage": (_train("accuracy = (model(X_val).argmax(dim=1) == y_val).float().mean().item()",
                                     "accuracy = 100 * (model(X_val).argmax(dim=1) == y_val).float().mean().item()"),
                              "fraction in [0, 1]"),
    "accuracy_on_training_rows": (_train("accuracy = (model(X_val).argmax(dim=1) == y_val).float().mean().item()",
                                         "accuracy = (model(X_train).argmax(dim=1) == y_train).float().mean().item()"),
                                  "accuracy on the training rows"),
}

# ---------------------------------------------------------------------------
# Concept questions: the letter is read case-insensitively.
# ---------------------------------------------------------------------------
CORRECT = {
    "load_digits_split": CORRECT_SPLIT,
    "train_torch_mlp": CORRECT_TRAIN,
    "q_clipping": {"upper_case": 'ANSWER_CLIPPING = "B"\n'},
    "q_diagnosis": {"padded": 'ANSWER_DIAGNOSIS = " c "\n'},
    "q_batchnorm": {"upper_case": 'ANSWER_BATCHNORM = "B"\n'},
}

WRONG = {
    "load_digits_split": WRONG_SPLIT,
    "train_torch_mlp": WRONG_TRAIN,
    "q_clipping": {
        "per_tensor": ('ANSWER_CLIPPING = "a"\n', "one common factor"),
        "after_step": ('ANSWER_CLIPPING = "c"\n', "would leave the update unclipped"),
        "smaller_threshold": ('ANSWER_CLIPPING = "d"\n', "makes every step shorter still"),
        "not_a_letter": ('ANSWER_CLIPPING = "clipping"\n', "should be one of"),
    },
    "q_diagnosis": {
        "clip": ('ANSWER_DIAGNOSIS = "a"\n', "only ever shrinks gradients"),
        "learning_rate": ('ANSWER_DIAGNOSIS = "b"\n', "one learning rate multiplies"),
        "dropout": ('ANSWER_DIAGNOSIS = "d"\n', "dropout is a regulariser"),
    },
    "q_batchnorm": {
        "larger_gradients": ('ANSWER_BATCHNORM = "a"\n', "smaller, not larger"),
        "eps": ('ANSWER_BATCHNORM = "c"\n', "far too little"),
        "output_layer": ('ANSWER_BATCHNORM = "d"\n', "receives the same inputs"),
    },
}

# ---------------------------------------------------------------------------
# Mutants of the reference answers that no test should kill (see autograder/mutate.py).
# ---------------------------------------------------------------------------
EQUIVALENT_MUTANTS = {
    "load_digits_split": {
        "67f9a0b97e": "The spec only asks for standardisation with training statistics and leaves the divisor "
                      "of a zero-variance training pixel free (CORRECT eps_guard divides by ~1e-8 there), so "
                      "replacing 1.0 by another positive constant only rescales such a pixel in X_val, and "
                      "X_train is 0 in it either way.",
    },
    "train_torch_mlp": {
        "3ba0ff0867": "np.mean returns np.float64, a subclass of Python float, so dropping float() leaves "
                      "the value and its use as a plain number unchanged.",
    },
}
