"""The grading journal: one line per finished submission, written as it
finishes, so a run that was killed resumes where it stopped and a second run
regrades only what changed."""
import hashlib
import json
import os

from . import course, scoring


def fingerprint(sub):
    """Changes when the submitted file, its assignment's source or its status does."""
    digest = hashlib.sha256(f"{sub.status}\0{sub.reason}\0".encode())
    for path in (sub.path, course.source_path(sub.assignment)):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Journal:
    def __init__(self, path):
        self.path = path
        self._entries = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:  # the last line of a killed run
                    continue
                self._entries[(entry["student"], entry["assignment"])] = entry

    def finished(self, sub):
        """The records and notes of ``sub`` if it was graded as it is now, else None."""
        entry = self._entries.get((sub.student, sub.assignment))
        if entry is None or entry["fingerprint"] != fingerprint(sub):
            return None
        return [scoring.Record(**r) for r in entry["records"]], entry["notes"]

    def add(self, sub, records, notes):
        entry = {"student": sub.student, "assignment": sub.assignment, "fingerprint": fingerprint(sub),
                 "records": [r.row() for r in records], "notes": notes}
        self._entries[(sub.student, sub.assignment)] = entry
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def keep_only(self, keys):
        """Rewrite the journal with the entries of ``keys`` alone."""
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            for key in sorted(keys):
                if key in self._entries:
                    handle.write(json.dumps(self._entries[key]) + "\n")
        os.replace(tmp, self.path)
