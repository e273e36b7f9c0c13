"""Run a grading kernel inside a bubblewrap sandbox, with resource limits.

The kernel sees a read-only view of the system (``/usr``), the Python
installation and this package, and one private writable folder (its
scratch folder, which holds its sockets). It has no network, its own PID
namespace, runs as an unprivileged user, and dies with its parent. The
course's solutions, the gradebook, the output folder and other students'
submissions are simply not in its view. ``prlimit`` caps its address space,
processes and file sizes.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from .limits import Limits

SANDBOX_UIDS = range(60000, 65000)  # unprivileged uids with no account


def sandbox_uid():
    """This worker's own uid for its sandboxes, so that the process cap of one
    submission does not count another's (workers differ in pid)."""
    return SANDBOX_UIDS.start + os.getpid() % len(SANDBOX_UIDS)

_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "ssl", "passwd", "group", "nsswitch.conf",
        "localtime", "alternatives", "fonts", "mime.types")


def _readonly_roots():
    package = Path(__file__).resolve().parent
    roots = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), package}
    return sorted(r for r in roots if not any(r != o and r.is_relative_to(o) for o in roots))


def _dirs_for(path, made):
    """``--dir`` arguments for the ancestors of ``path`` not yet made, world-traversable."""
    args = []
    for parent in reversed(path.parents):
        if str(parent) != "/" and parent not in made:
            made.add(parent)
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def wrap(argv, scratch, limits):
    """``argv`` as run in the sandbox with ``scratch`` as its only writable folder."""
    made = set()
    args = ["bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session",
            # In its own PID namespace the kernel's parent looks like init; it
            # dies with the grader through --die-with-parent instead.
            "--unsetenv", "JPY_PARENT_PID",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for name in ("bin", "lib", "lib64", "sbin"):
        top = Path("/") / name
        if top.is_symlink():
            args += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            args += ["--ro-bind", str(top), str(top)]
    for name in _ETC:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    for root in _readonly_roots():
        args += _dirs_for(root, made) + ["--ro-bind", str(root), str(root)]
    args += _dirs_for(scratch, made) + ["--bind", str(scratch), str(scratch), "--chdir", str(scratch)]
    uid = sandbox_uid()
    drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--bounding-set=-all", "--"]
    cap = ["prlimit", f"--as={limits.memory}", f"--nproc={limits.processes}",
           f"--fsize={limits.file_size}", "--core=0", "--"]
    return cap + args + ["--"] + drop + list(argv)


def prepare_scratch(scratch):
    """Make ``scratch`` the sandbox user's own folder."""
    os.chown(scratch, sandbox_uid(), sandbox_uid())
    os.chmod(scratch, 0o700)


def unavailable_reason():
    """Why the sandbox cannot run here, or None when it can."""
    for tool in ("bwrap", "prlimit", "setpriv"):
        if shutil.which(tool) is None:
            return f"'{tool}' is not installed (Debian packages: bubblewrap, util-linux)"
    if os.geteuid() != 0:
        return "grading in the sandbox needs root, to run each kernel as an unprivileged user"
    probe = subprocess.run(wrap(["true"], Path("/tmp"), Limits()), capture_output=True, text=True)
    if probe.returncode != 0:
        return f"bubblewrap cannot start here: {probe.stderr.strip() or probe.returncode}"
    return None


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs in the sandbox.

    Its connection file and sockets live in the scratch folder; interrupts go
    as messages, since signals do not cross into the sandbox's session.
    """

    def __init__(self, scratch, limits, **kwargs):
        super().__init__(transport="ipc", ip=str(Path(scratch) / "kernel"),
                         connection_file=str(Path(scratch) / "kernel.json"), **kwargs)
        self._scratch, self._limits = Path(scratch), limits

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        os.chown(self.connection_file, sandbox_uid(), sandbox_uid())

    def format_kernel_cmd(self, extra_arguments=None):
        self.kernel_spec.interrupt_mode = "message"
        return wrap(super().format_kernel_cmd(extra_arguments), self._scratch, self._limits)
