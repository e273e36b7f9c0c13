"""How long each solution notebook takes to run top to bottom (full
notebook, hidden tests included), one after the other on this machine.

    python benchmarks/notebooks.py
"""
import subprocess
import sys
import tempfile
import time

from nbclient import NotebookClient

from autograder import course

BUDGET = 60.0  # seconds: every notebook runs well under a minute on a laptop CPU


def main():
    slow = []
    print(f"{'notebook':<20} {'seconds':>8}")
    for assignment in course.assignments():
        nb = course.read_source(assignment)
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as scratch:
            NotebookClient(nb, timeout=600, resources={"metadata": {"path": scratch}}).execute(
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        print(f"{assignment:<20} {seconds:8.1f}")
        if seconds > BUDGET:
            slow.append(assignment)
    print(f"over {BUDGET:.0f} s: {', '.join(slow) or 'none'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
