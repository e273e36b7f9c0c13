"""What one submission may use while it is graded. Times in seconds, sizes in bytes."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    cell_timeout: int = 120
    notebook_timeout: int = 600
    memory: int = 6 * 2**30       # address space; TensorFlow alone maps about 2 GiB
    processes: int = 512          # processes and threads of the sandbox user (all sandboxes)
    file_size: int = 256 * 2**20  # largest file the notebook may write
    output_size: int = 2 * 2**20  # notebook output kept per submission
