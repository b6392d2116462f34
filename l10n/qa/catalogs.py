"""`l10n check`: the QA checks on .po files as they are now, after reviewers have worked on them.

A catalog stands on its own: each live entry becomes a segment again (msgid as source, in file order, the
glossary annotated on it), the target language comes from the header's Language, and a Traditional
catalog's edition from its X-L10n-Origin header (else the newsroom edition of its locale). Every
file is read before any is written, so one unreadable file stops the check with nothing changed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .. import editions
from ..catalog import po
from ..catalog.entries import Catalog
from ..editions.variant import Phrases, glossary_phrases, respect_boundaries, traditional_variant
from ..plumbing.files import write_atomic
from ..glossary import Glossary
from ..model import Issue, Part, Segment, Severity
from . import check_catalog
from .findings import is_finding
from .registry import TRADITIONAL, target_family

_ORIGIN_EDITION = re.compile(r"\bl10n edition (\S+):")
_ORIGIN_CONFIG = re.compile(r"\bOpenCC\s+\S+\s+(s2\w+)")  # catalogs made before editions: "OpenCC 1.4.2 s2twp"


@dataclass(frozen=True)
class Finding:
    line: int  # of the entry in the file as written
    msgid: str
    issue: Issue


@dataclass(frozen=True)
class CatalogReport:
    path: Path
    locale: str
    checked: int  # live entries with a translation
    findings: tuple[Finding, ...]
    rewritten: bool  # the findings in the file changed

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.issue.severity is severity)


def segments_of(catalog: Catalog, glossary: Glossary, edition: str) -> list[Segment]:
    """The catalog's live entries as segments, in file order, with their glossary terms; a term that only
    seems to stand in a sentence (布洛克曼 in 乌云密布洛克曼) is dropped as `run` drops it."""
    segments = []
    for number, entry in enumerate((e for e in catalog.live() if e.msgid), start=1):
        line = next((int(line) for _, line in entry.occurrences if line and line.isdigit()), 0)
        segments.append(Segment(entry.msgctxt or str(number), number, 1, Part.BODY, line, entry.msgid))
    annotated = glossary.annotate(segments)
    if not any(segment.terms for segment in annotated):
        return annotated  # no term to drop: building the edition's converter to decide would be all it did
    return respect_boundaries(annotated, edition, _glossary_phrases(glossary, edition))


@functools.lru_cache(maxsize=8)
def _glossary_phrases(glossary: Glossary, edition: str) -> Phrases:
    return glossary_phrases(glossary.entries.values(), edition)


def catalog_edition(catalog: Catalog, locale: str) -> str | None:
    """The edition a Traditional catalog was made as: its origin header says, or (older catalogs) the OpenCC
    configuration it names, which is an edition's old name; else the newsroom edition of its locale."""
    origin = catalog.header.get("X-L10n-Origin", "")
    for pattern in (_ORIGIN_EDITION, _ORIGIN_CONFIG):
        found = pattern.search(origin)
        if found and found.group(1) in editions.names():
            return found.group(1)
    usual = editions.BY_LOCALE.get(locale)
    return usual.key if usual is not None else None


def check_in_memory(catalog: Catalog, glossary: Glossary, style: str = "full") -> tuple[list[Issue], dict]:
    """Run every check on a catalog as it is now and write the findings into its entries (in memory): the
    issues, and each segment's entry."""
    locale = catalog.locale
    edition = catalog_edition(catalog, locale)
    segments = segments_of(catalog, glossary, edition or editions.DEFAULT)
    converted = (traditional_variant(segments, edition, _glossary_phrases(glossary, edition)).texts
                 if edition is not None and target_family(locale) == TRADITIONAL else None)
    entries = catalog.for_segments(segments)
    return check_catalog(entries, segments, locale, style, edition, converted), entries


def _findings_state(catalog: Catalog) -> list[tuple[str, bool, tuple[str, ...]]]:
    """What a check writes into a catalog: each live entry's findings and fuzzy flag."""
    return [(entry.msgid, entry.fuzzy, tuple(line for line in entry.notes if is_finding(line)))
            for entry in catalog.live()]


def check_files(paths: list[Path], glossary: Glossary, style: str = "full") -> list[CatalogReport]:
    """Check every catalog and write its findings into it, atomically and only when they changed: a file whose
    findings are the same keeps its bytes, a reviewer's own line wrapping included."""
    catalogs = [(path, po.read_catalog(path)) for path in paths]
    reports = []
    for path, catalog in catalogs:
        before = _findings_state(catalog)
        issues, entries = check_in_memory(catalog, glossary, style)
        rewritten = _findings_state(catalog) != before
        if rewritten:
            write_atomic(path, po.render(catalog))  # each entry's line becomes its line in the file written
        findings = tuple(Finding(entries[i.segment_id].line or 0, entries[i.segment_id].msgid, i) for i in issues)
        checked = sum(1 for entry in entries.values() if entry.msgstr)
        reports.append(CatalogReport(path, catalog.locale, checked, findings, rewritten))
    return reports


def errors_by_sentence(catalog: Catalog, glossary: Glossary, style: str = "full") -> dict[str, list[Issue]]:
    """The QA errors of each entry of a catalog as it is now, by msgid; the catalog is left as it is."""
    issues, entries = check_in_memory(catalog.copy(), glossary, style)
    found: dict[str, list[Issue]] = {}
    for issue in issues:
        if issue.severity is Severity.ERROR:
            found.setdefault(entries[issue.segment_id].msgid, []).append(issue)
    return found


def fails(reports: list[CatalogReport], fail_on: str) -> bool:
    """Whether the findings fail the check: any error, and with fail_on "warning" any warning too."""
    failing = {Severity.ERROR} if fail_on == Severity.ERROR.value else {Severity.ERROR, Severity.WARNING}
    return any(report.count(severity) for report in reports for severity in failing)


def report_data(reports: list[CatalogReport]) -> dict:
    """The reports as plain data for `l10n check --json`."""
    files = [{"path": str(report.path), "language": report.locale, "checked": report.checked,
              "errors": report.count(Severity.ERROR), "warnings": report.count(Severity.WARNING),
              "rewritten": report.rewritten,
              "findings": [{"line": f.line, "msgid": f.msgid, "check": f.issue.code,
                            "severity": f.issue.severity.value, "message": f.issue.message}
                           for f in report.findings]} for report in reports]
    return {"files": files, "errors": sum(f["errors"] for f in files), "warnings": sum(f["warnings"] for f in files)}
