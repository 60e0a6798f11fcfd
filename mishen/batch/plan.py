"""Which files a batch reviews: walk folders by extension, hash contents, skip what the ledger already has."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mishen.batch.results import DocResult, Status, failed_result

SUFFIXES = frozenset({".docx", ".pdf", ".txt", ".text", ".md", ".html", ".htm", ".shtml"})
REPORT_SUFFIX = ".report.html"


@dataclass(frozen=True)
class Job:
    """One document to review: where it is, how it is shown, where its HTML report goes."""
    path: str
    source: str
    report_name: str
    sha256: str
    size: int = 0   # bytes, for the order of the work (largest first)


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    done: list[DocResult] = field(default_factory=list, repr=False)   # skipped and unreadable, already final

    @property
    def total(self) -> int:
        return len(self.jobs) + len(self.done)


def collect(inputs: list[Path]) -> list[tuple[Path, str]]:
    """(file, display name) for every input: folders recursively by extension in name order, files as given."""
    found: list[tuple[Path, str]] = []
    for item in inputs:
        if item.is_dir():
            files = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not p.name.endswith(REPORT_SUFFIX))
            found.extend((p, p.relative_to(item).as_posix()) for p in files)
        else:
            found.append((item, item.name))
    return found


def report_names(sources: list[str]) -> list[str]:
    """Flat, unique file names for the HTML reports: a/b.docx -> a__b.docx.report.html."""
    names: list[str] = []
    taken: set[str] = set()
    for source in sources:
        stem = source.replace("/", "__")
        name, n = f"{stem}{REPORT_SUFFIX}", 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}{REPORT_SUFFIX}"
        taken.add(name)
        names.append(name)
    return names


def largest_first(jobs: list[Job]) -> list[Job]:
    """The order to hand jobs to the review processes: largest files first, so that the batch does not end with
    one process reviewing a long document while the other has nothing left to do (name order for equal sizes)."""
    return sorted(jobs, key=lambda job: -job.size)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_plan(inputs: list[Path], reviewed: dict[str, DocResult]) -> Plan:
    """Jobs for files not yet reviewed; a file already in ``reviewed`` (same hash, same version) is skipped."""
    plan = Plan()
    files = collect(inputs)
    for (path, source), name in zip(files, report_names([s for _, s in files])):
        try:
            sha = file_sha256(path)
            size = path.stat().st_size
        except OSError as exc:
            plan.done.append(failed_result(source, exc))
            continue
        earlier = reviewed.get(sha)
        if earlier is not None:
            plan.done.append(earlier.model_copy(update={"source": source, "status": Status.SKIPPED}))
        else:
            plan.jobs.append(Job(path=str(path.resolve()), source=source, report_name=name, sha256=sha,
                                 size=size))
    return plan
