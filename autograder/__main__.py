"""Command line: ``python -m autograder {release,grade,demo,report,mutate}``."""
import argparse
import sys
from pathlib import Path

from . import course


def _release(args):
    from . import release
    if args.check:
        problems = release.stale()
        if problems:
            print("notebooks/ (or a source's Colab cell) is not what solutions/ generates;"
                  " run `python -m autograder release`:")
            print("\n".join(f"  {p}" for p in problems))
            return 1
        print(f"notebooks/ matches solutions/ ({len(course.assignments())} assignments).")
        return 0
    changed = release.release()
    print(f"wrote {len(changed)} notebook(s)" + "".join(f"\n  {p}" for p in changed))
    return 0


def _grade_and_show(root, args):
    from . import grading, report
    from .limits import Limits
    limits = Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout,
                    memory=args.memory_mb * 2**20)
    try:
        records = grading.grade(root, args.output, workers=args.workers, scheduler=args.scheduler, db_url=args.db,
                                assignments=args.assignment, limits=limits, sandboxed=not args.no_sandbox,
                                skip_demos=not args.run_demos)
    except grading.SandboxUnavailable as exc:
        print(f"refusing to grade: the sandbox cannot run ({exc}).\n"
              "Install bubblewrap and run as root, or pass --no-sandbox to run students' code unconfined.",
              file=sys.stderr)
        return 3
    print(report.score_table(records))
    out = Path(args.output)
    print(f"\ngrades:    {out / 'grades.csv'}  ({len(records)} test cells)")
    print(f"feedback:  {out / 'feedback'}/<student>/<assignment>/<assignment>.html")
    print(f"gradebook: {args.db or out / 'gradebook.db'}")
    return 0


def _grade(args):
    if not Path(args.submissions).is_dir():
        print(f"no such folder: {args.submissions}", file=sys.stderr)
        return 2
    return _grade_and_show(args.submissions, args)


def _demo(args):
    from . import demo, sandbox
    if not args.no_sandbox and (reason := sandbox.unavailable_reason()):
        print(f"note: the sandbox cannot run here ({reason}); the demo class is built from the "
              "course's own solutions, so it is graded without it.")
        args.no_sandbox = True
    root = demo.build(Path(args.output) / "submissions")
    print(f"demo class written to {root}: {', '.join(sorted(p.name for p in root.iterdir()))}")
    return _grade_and_show(root, args)


def _report(args):
    from . import class_report
    if not (Path(args.output) / "grades.csv").is_file():
        print(f"no grades.csv in {args.output}: grade the class first", file=sys.stderr)
        return 2
    print(f"class report: {class_report.write(args.output)}")
    return 0


def _mutate(args):
    from . import mutate
    scores = [s for a in args.assignments or course.assignments() for s in mutate.run(a)]
    print(mutate.report(scores))
    below = [s for s in scores if s.score < mutate.BAR]
    print(f"\n{len(scores) - len(below)}/{len(scores)} exercises at or above {mutate.BAR:.0%}")
    return 1 if below else 0


def _grading_options(parser, output):
    parser.add_argument("--output", default=output, help="folder for grades.csv, feedback/ and the gradebook")
    parser.add_argument("--workers", type=int, default=None, help="parallel notebooks (default: CPU count)")
    parser.add_argument("--scheduler", default=None,
                        help="grade on the Dask cluster at this address (tcp://host:port) instead of locally")
    parser.add_argument("--db", default=None, help="gradebook URL (default: sqlite in the output folder)")
    parser.add_argument("--assignment", action="append", help="grade only this assignment (repeatable)")
    parser.add_argument("--cell-timeout", type=int, default=120, help="seconds allowed per cell")
    parser.add_argument("--notebook-timeout", type=int, default=600, help="seconds allowed per notebook")
    parser.add_argument("--memory-mb", type=int, default=6144, help="address space allowed per notebook, MiB")
    parser.add_argument("--run-demos", action="store_true",
                        help="also run the cells that only demonstrate (slower; same grades)")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run students' code without the sandbox (only for trusted submissions)")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="generate notebooks/ from solutions/")
    p.add_argument("--check", action="store_true", help="fail if notebooks/ is out of date")
    p.set_defaults(func=_release)
    p = sub.add_parser("grade", help="grade every submission in a folder")
    p.add_argument("submissions", help="folder laid out as <student>/<assignment>/<assignment>.ipynb")
    _grading_options(p, None)
    p.set_defaults(func=_grade)
    p = sub.add_parser("demo", help="build the demo class from the solutions and grade it")
    _grading_options(p, "demo-output")
    p.set_defaults(func=_demo)
    p = sub.add_parser("mutate", help="mutation-test the tests of the reference answers")
    p.add_argument("assignments", nargs="*", help="assignments to test (default: all)")
    p.set_defaults(func=_mutate)
    p = sub.add_parser("report", help="an HTML class report (and CSVs) from a graded output folder")
    p.add_argument("output", help="the --output folder of a grading run")
    p.set_defaults(func=_report)
    args = parser.parse_args(argv)
    if args.command == "grade" and not args.output:
        parser.error("grade needs --output <folder>")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
