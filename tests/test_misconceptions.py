"""Every misconception of the course spec is planted in an answer bank, so the
variant tests prove it is caught and named in the feedback."""
import pytest

from autograder import variants

SPEC_MISCONCEPTIONS = {
    "He init scaled with fan_out": ("03_initialization", "he_normal", "fan_out"),
    "Xavier's normal std used as the uniform limit": ("03_initialization", "xavier_uniform", "normal_std_as_limit"),
    "PyTorch (out, in) weights read as (in, out)": ("03_initialization", "compute_fans", "torch_read_as_in_out"),
    "conv fans without the receptive field": ("03_initialization", "compute_fans", "no_receptive_field"),
    "np.random.rand where a zero-mean normal was meant": ("03_initialization", "he_normal", "np_random_rand"),
    "batch norm with the unbiased variance": ("04_batchnorm", "batchnorm_forward", "unbiased_variance"),
    "eps outside the square root": ("04_batchnorm", "batchnorm_forward", "eps_outside_sqrt"),
    "backward missing the terms through the mean": ("04_batchnorm", "batchnorm_backward", "no_mean_term"),
    "running statistics with the momentum inverted": ("04_batchnorm", "update_running_stats", "momentum_inverted"),
    "each tensor clipped where the global norm was asked": ("05_clipping", "clip_by_global_norm", "per_tensor"),
    "always rescaling to max_norm": ("05_clipping", "clip_by_global_norm", "always_rescale"),
    "a dead ReLU unit counted per example": ("02_activations", "dead_unit_fraction", "per_entry"),
}


@pytest.mark.parametrize("misconception", sorted(SPEC_MISCONCEPTIONS))
def test_spec_misconception_is_in_the_bank_with_a_named_message(misconception):
    assignment, grade_id, name = SPEC_MISCONCEPTIONS[misconception]
    _, wrong = variants.load(assignment)
    assert name in wrong.get(grade_id, {}), f"plant '{misconception}' in {assignment}'s answer bank"
    code, message = wrong[grade_id][name]
    assert code.strip() and len(message) >= 6
