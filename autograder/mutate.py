"""Mutation testing: do the tests catch small changes to the reference answers?

For every answer cell, each mutant changes one thing inside its solution
region (an arithmetic or comparison operator, a constant, the order of two
arguments, or drops one statement) and is graded against that answer's test
cells. The mutation score of an exercise is killed / non-equivalent mutants;
mutants that no test could tell apart from the reference are listed, with a
reason, in ``EQUIVALENT_MUTANTS`` of the assignment's ``answer_variants.py``
(``{grade_id: {mutant_id: reason}}``).
"""
import ast
import copy
import difflib
import hashlib
import re
from dataclasses import dataclass

from . import course, variant_check, variants

BAR = 0.90
_REGION = re.compile(r"^[ \t]*### BEGIN SOLUTION[ \t]*$(.*?)^[ \t]*### END SOLUTION[ \t]*$", re.M | re.S)
_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.Pow: ast.Mult,
         ast.FloorDiv: ast.Div, ast.MatMult: ast.Mult, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE,
         ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
         ast.In: ast.NotIn, ast.NotIn: ast.In, ast.And: ast.Or, ast.Or: ast.And}

# Functions commonly confused with one another.
_RENAME = {"sum": "mean", "mean": "sum", "max": "min", "min": "max", "maximum": "minimum",
           "minimum": "maximum", "sqrt": "square", "square": "sqrt", "zeros_like": "ones_like",
           "ones_like": "zeros_like", "normal": "uniform", "uniform": "normal", "any": "all", "all": "any",
           "argmax": "argmin", "argmin": "argmax"}


@dataclass
class Mutant:
    grade_id: str
    id: str
    description: str
    code: str
    diff: str


def _solution_lines(source):
    """Line numbers (1-based) inside the solution regions of ``source``."""
    lines = set()
    for match in _REGION.finditer(source):
        first = source[:match.start(1)].count("\n") + 1
        lines.update(range(first, first + match.group(1).count("\n") + 1))
    return lines


def _sites(tree, lines):
    """Every mutation of ``tree``: ``(description, apply)`` pairs, where
    ``apply(copy_of_tree)`` makes the change at the same place."""
    sites = []
    nodes = list(ast.walk(tree))
    for position, node in enumerate(nodes):
        if getattr(node, "lineno", None) not in lines:
            continue
        where = f"line {node.lineno}"
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _SWAP:
            new = _SWAP[type(node.op)]
            sites.append((f"{where}: {type(node.op).__name__} -> {new.__name__}",
                          lambda t, p=position, new=new: setattr(_at(t, p), "op", new())))
        elif isinstance(node, ast.BoolOp):
            new = _SWAP[type(node.op)]
            sites.append((f"{where}: {type(node.op).__name__} -> {new.__name__}",
                          lambda t, p=position, new=new: setattr(_at(t, p), "op", new())))
        elif isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                if type(op) in _SWAP:
                    new = _SWAP[type(op)]
                    sites.append((f"{where}: {type(op).__name__} -> {new.__name__}",
                                  lambda t, p=position, k=k, new=new: _at(t, p).ops.__setitem__(k, new())))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
            sites.append((f"{where}: drop {type(node.op).__name__}",
                          lambda t, p=position: _replace(t, p, _at(t, p).operand)))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            new = node.value + 1 if isinstance(node.value, int) else (node.value * 2 or 1.0)
            sites.append((f"{where}: {node.value!r} -> {new!r}",
                          lambda t, p=position, new=new: setattr(_at(t, p), "value", new)))
        elif isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args[:2]):
                sites.append((f"{where}: swap the first two arguments of {name}",
                              lambda t, p=position: _swap_args(_at(t, p))))
            if len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
                sites.append((f"{where}: {name}(x) -> x",
                              lambda t, p=position: _replace(t, p, _at(t, p).args[0])))
        elif isinstance(node, (ast.Attribute, ast.Name)) and _name(node) in _RENAME and isinstance(node.ctx, ast.Load):
            new = _RENAME[_name(node)]
            sites.append((f"{where}: {_name(node)} -> {new}",
                          lambda t, p=position, new=new: _rename(_at(t, p), new)))
        for field in ("body", "orelse"):
            body = getattr(node, field, None)
            if isinstance(body, list) and len(body) >= 2:
                for k, statement in enumerate(body):
                    if getattr(statement, "lineno", None) in lines and not _is_docstring(statement):
                        sites.append((f"line {statement.lineno}: drop `{ast.unparse(statement).splitlines()[0][:50]}`",
                                      lambda t, p=position, f=field, k=k: getattr(_at(t, p), f).pop(k)))
    return sites


def _name(node):
    return node.attr if isinstance(node, ast.Attribute) else node.id


def _rename(node, new):
    setattr(node, "attr" if isinstance(node, ast.Attribute) else "id", new)


def _is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def _at(tree, position):
    return list(ast.walk(tree))[position]


def _replace(tree, position, new):
    old = _at(tree, position)
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
            elif isinstance(value, list) and any(v is old for v in value):
                value[[i for i, v in enumerate(value) if v is old][0]] = new


def _swap_args(call):
    call.args[0], call.args[1] = call.args[1], call.args[0]


def mutants(grade_id, source):
    """The mutants of one answer cell (reference ``source``, delimiters included)."""
    tree = ast.parse(source)
    original = ast.unparse(tree)
    found, seen = [], {original}
    for description, apply in _sites(tree, _solution_lines(source)):
        changed = copy.deepcopy(tree)
        apply(changed)
        code = ast.unparse(ast.fix_missing_locations(changed))
        if code in seen:
            continue
        seen.add(code)
        diff = "".join(difflib.unified_diff(original.splitlines(True), code.splitlines(True), n=1))
        found.append(Mutant(grade_id, hashlib.sha1(code.encode()).hexdigest()[:10], description, code, diff))
    return found


@dataclass
class ExerciseScore:
    assignment: str
    grade_id: str
    killed: int
    equivalent: int
    survivors: list

    @property
    def score(self):
        total = self.killed + len(self.survivors)
        return self.killed / total if total else 1.0


def run(assignment):
    """Mutation scores for every answer cell of ``assignment`` (concept questions excluded)."""
    source = course.read_source(assignment)
    equivalent = variants.load_equivalent_mutants(assignment)
    cells = {course.grade_id(c): c.source for c in source.cells
             if course.is_answer(c) and not course.grade_id(c).startswith("q_")}
    todo = {m.id: m for gid, code in cells.items() for m in mutants(gid, code)
            if m.id not in equivalent.get(gid, {})}
    results = variant_check.run(assignment, ((m.grade_id, m.id, "mutant", m.code) for m in todo.values()))
    scores = []
    for gid in cells:
        mine = [r for r in results if r.grade_id == gid]
        killed = [r for r in mine if any(rec.score < rec.max_score for rec in r.records)]
        survivors = [todo[r.name] for r in mine if r not in killed]
        scores.append(ExerciseScore(assignment, gid, len(killed), len(equivalent.get(gid, {})), survivors))
    return scores


def report(scores):
    """Text report: one line per exercise, then each survivor's description and diff."""
    lines = [f"{'exercise':<40} {'killed':>6} {'alive':>6} {'equiv':>6} {'score':>7}"]
    for s in scores:
        flag = "" if s.score >= BAR else "  BELOW THE BAR"
        lines.append(f"{s.assignment + '/' + s.grade_id:<40} {s.killed:>6} {len(s.survivors):>6} "
                     f"{s.equivalent:>6} {100 * s.score:>6.1f}%{flag}")
    for s in scores:
        for m in s.survivors:
            lines += [f"\nsurvivor {s.assignment}/{s.grade_id} {m.id}: {m.description}", m.diff.rstrip()]
    return "\n".join(lines)
