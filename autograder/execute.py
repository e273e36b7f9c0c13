"""Run a notebook in a fresh kernel, cell by cell, and report how each cell ended.

The verdict on a cell comes from the kernel's execute reply (status, exception
name and value), never from what the cell printed: warnings on stderr cost
nothing. Each cell has a time limit, the whole notebook a wall-clock limit,
outputs a size cap, and a kernel that dies or will not stop ends the run with
the remaining cells marked unrun.
"""
import ast
import asyncio
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from . import sandbox
from .limits import Limits

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_LINE = re.compile(r"Cell In\[\d+\], line (\d+)")
TIMEOUT_ENAME = "CellTimeoutError"
UNRESPONSIVE_AFTER = 10  # seconds a kernel may take to answer after an interrupt
RESEED = "__import__('sys').modules['autograder.guard'].reseed()"


@dataclass
class CellResult:
    """How one code cell ended: ``ok``, ``error``, ``timeout``, ``died`` or ``not-run``."""
    status: str
    ename: str = ""
    evalue: str = ""
    line: int | None = None  # line of the cell where the exception surfaced
    tampered: list = field(default_factory=list)  # what the guard found replaced after this cell


def _failure_line(traceback):
    for frame in traceback or []:
        match = _CELL_LINE.search(_ANSI.sub("", frame))
        if match:
            return int(match.group(1))
    return None


def _result(reply):
    content = (reply or {}).get("content", {})
    if content.get("status", "ok") == "ok":
        return CellResult("ok")
    ename = content.get("ename", "Error")
    status = "timeout" if ename == TIMEOUT_ENAME else "error"
    return CellResult(status, ename, content.get("evalue", ""),
                      _failure_line(content.get("traceback")))


class _CappedClient(NotebookClient):
    """Keeps at most ``budget`` bytes of outputs for the whole notebook."""

    budget = 0

    def output(self, outs, msg, display_id, cell_index):
        size = len(str(msg.get("content", "")))
        if size > self.budget:
            if self.budget >= 0:
                self.budget = -1
                outs.append(nbformat.v4.new_output(
                    "stream", name="stderr", text="[output truncated: the notebook printed too much]\n"))
            return None
        self.budget -= size
        return super().output(outs, msg, display_id, cell_index)


class Session:
    """A fresh kernel for one notebook; run its cells one by one.

    ``async with Session(nb, ...) as session: await session.run(index)``.
    With ``sandboxed``, the kernel runs in the sandbox (see ``sandbox``).
    """

    def __init__(self, nb, *, limits, cwd, env, sandboxed):
        self.nb, self.limits, self._env, self._cwd = nb, limits, env, Path(cwd)
        self._replies = {}
        if sandboxed:
            sandbox.prepare_scratch(self._cwd)
            km = sandbox.SandboxedKernelManager(self._cwd, limits)
        else:
            km = AsyncKernelManager(transport="ipc", ip=str(self._cwd / "kernel"))
        self.client = _CappedClient(
            nb, km=km, timeout=limits.cell_timeout, allow_errors=True,
            interrupt_on_timeout=True, record_timing=False, shutdown_kernel="immediate",
            error_on_timeout={"ename": TIMEOUT_ENAME,
                              "evalue": f"the cell ran longer than {limits.cell_timeout} s and was stopped",
                              "traceback": []},
            on_cell_executed=lambda cell, cell_index, execute_reply: self._replies.__setitem__(
                cell_index, execute_reply),
            resources={"metadata": {"path": str(self._cwd)}},
        )
        self.client.budget = limits.output_size
        self._setup = None

    async def __aenter__(self):
        self._setup = self.client.async_setup_kernel(
            env=self._env, cleanup_kc=True, cwd=str(self._cwd),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await self._setup.__aenter__()
        return self

    async def __aexit__(self, *exc):
        return await self._setup.__aexit__(*exc)

    async def run_hidden(self, code, timeout=None):
        """Run ``code`` outside the notebook's history, ignoring its output."""
        await self.client.kc.execute_interactive(code, store_history=False,
                                                 timeout=timeout or self.limits.cell_timeout,
                                                 output_hook=lambda msg: None)

    async def tampered(self):
        """What ``autograder.guard`` reports as replaced (the guard must be armed)."""
        expression = "__import__('sys').modules['autograder.guard'].verify()"
        try:
            reply = await self.client.kc.execute_interactive(
                "", silent=True, store_history=False, user_expressions={"guard": expression},
                timeout=UNRESPONSIVE_AFTER, output_hook=lambda msg: None)
        except (TimeoutError, asyncio.TimeoutError, RuntimeError):
            return ["the grader's integrity check (no answer)"]
        answer = reply["content"].get("user_expressions", {}).get("guard", {})
        if answer.get("status") != "ok":
            return ["the grader's integrity check"]
        try:
            return list(ast.literal_eval(answer["data"]["text/plain"]))
        except (KeyError, ValueError, SyntaxError, TypeError):
            return ["the grader's integrity check (unreadable answer)"]

    async def responsive(self):
        """Whether the kernel answers a trivial request (after a timeout, say)."""
        try:
            await self.run_hidden("pass", timeout=UNRESPONSIVE_AFTER)
            return True
        except (TimeoutError, asyncio.TimeoutError, DeadKernelError, RuntimeError):
            return False

    async def run(self, index, cell=None):
        """Run ``cell`` (default: the notebook's cell ``index``) in the place
        of cell ``index``; the cell object run is stored at that index."""
        cell = cell if cell is not None else self.nb.cells[index]
        self._replies.pop(index, None)
        try:
            await self.client.async_execute_cell(cell, index)
        except DeadKernelError:
            return CellResult("died", "DeadKernelError", "the kernel died while running this cell "
                                                         "(it crashed, ran out of memory, or exited)")
        return _result(self._replies.get(index))


async def run_cells(nb, *, limits, cwd, env, sandboxed, preamble="", guarded=()):
    """Execute every code cell of ``nb`` in order in a fresh kernel; return
    one ``CellResult`` per cell index (``None`` for markdown cells).

    ``preamble`` runs first, unseen by the notebook's history; ``env`` is the
    kernel's environment and ``cwd`` its working folder. Each cell whose index
    is in ``guarded`` runs with fresh seeds, and the guard (armed by the
    preamble) is consulted after it.
    """
    results = [None if c.cell_type != "code" else CellResult("not-run") for c in nb.cells]

    async def run_all():
        async with Session(nb, limits=limits, cwd=cwd, env=env, sandboxed=sandboxed) as session:
            if preamble:
                await session.run_hidden(preamble)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                if index in guarded:
                    await session.run_hidden(RESEED)
                results[index] = await session.run(index)
                if results[index].status == "died":
                    return
                if index in guarded:
                    results[index].tampered = await session.tampered()
                if results[index].status == "timeout" and not await session.responsive():
                    results[index].evalue += "; the kernel did not stop when interrupted"
                    return

    try:
        await asyncio.wait_for(run_all(), limits.notebook_timeout)
    except asyncio.TimeoutError:
        unrun = next((i for i, r in enumerate(results) if r is not None and r.status == "not-run"), None)
        if unrun is not None:
            results[unrun] = CellResult("timeout", TIMEOUT_ENAME,
                                        f"the notebook ran longer than {limits.notebook_timeout} s in all")
    return results
