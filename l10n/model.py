"""The data that flows between stages. Plain dataclasses: no I/O, no stage logic."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Part(str, Enum):
    """What a paragraph is within the article; reviewers see it as context."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    CREDIT = "credit"
    HEADING = "heading"
    CAPTION = "caption"
    BODY = "body"
    LIST_ITEM = "list item"
    QUOTE = "quote"


@dataclass(frozen=True)
class Removal:
    """A line of the input that ingest dropped, and why."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class Span:
    """Inline markup of a block, kept apart from its text: the text holds only the numbered placeholder
    (see placeholders.py), the span holds what the placeholder stands for."""

    number: int  # the placeholder's number: <a3>…</a3> is span 3
    kind: str  # placeholders.KINDS: link, strong, emphasis, code, image, break
    target: str = ""  # a link's URL, an image's source


@dataclass(frozen=True)
class Paragraph:
    """One block of the article (title, heading, paragraph, list item, quote, caption …)."""

    index: int  # 1-based position among kept paragraphs
    part: Part
    text: str  # may hold placeholders for inline markup
    line: int  # line of the input file it came from
    end_line: int = 0  # last line of the input the block covers; 0: the same as line
    spans: tuple[Span, ...] = ()
    level: int = 0  # heading level or list nesting depth, where the format has one


@dataclass(frozen=True)
class Document:
    name: str  # output folder and template name, e.g. "jiemian-openai-board"
    source_name: str  # input file name, as shown in .po references
    encoding: str
    source_sha256: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...] = ()
    format: str = "text"  # the reader that produced it: text, markdown, html
    metadata: tuple[tuple[str, str], ...] = ()  # what the page says of itself: title, url, date, author, site
    fallback: str = ""  # how cleaning found the article when its rules left none (clean.py); "" when they did not
    format_reason: str = ""  # why the format was chosen: "its extension .md", "its front matter" (readers.detect)
    warnings: tuple[str, ...] = ()  # `FILE:LINE: message` of what was read otherwise than it said (front matter)


class Kind(str, Enum):
    PERSON = "person"
    ORG = "org"
    PRODUCT = "product"
    WORK = "work"
    TERM = "term"


@dataclass(frozen=True)
class GlossaryEntry:
    """How one Simplified-Chinese source form is rendered. Several forms may share one rendering."""

    source: str
    english: str  # may be empty for an entry that only corrects the Traditional variant
    kind: Kind
    line: int  # in the glossary file, for messages
    english_short: str = ""  # for later mentions in news style: "Ilya Sutskever … Sutskever"
    traditional: tuple[tuple[str, str], ...] = ()  # (an edition's glossary column, override)
    forbidden: tuple[str, ...] = ()  # English renderings that must not appear
    note: str = ""

    def __hash__(self) -> int:
        """By source form alone (equal entries share it): an entry keys the caches of its notes and renderings,
        looked up for every sentence it is found in, and the generated hash hashed all eight fields each time."""
        return hash(self.source)

    def traditional_for(self, column: str, fallback: str) -> str | None:
        """The override in an edition's glossary column, else in the column every edition falls back on."""
        if not self.traditional:  # most entries: asked for every sentence they are found in
            return None
        overrides = dict(self.traditional)
        return overrides.get(column) or overrides.get(fallback)


@dataclass(frozen=True)
class TermHit:
    start: int  # character offsets in the segment's source
    end: int
    entry: GlossaryEntry


@dataclass(frozen=True)
class Segment:
    """One sentence of the article, the unit of translation and review."""

    id: str  # content-based, stable when other paragraphs change
    paragraph: int
    sentence: int
    part: Part
    line: int
    source: str
    terms: tuple[TermHit, ...] = ()

    @property
    def location(self) -> str:
        return f"{self.paragraph}.{self.sentence}"

    def with_terms(self, terms: tuple[TermHit, ...]) -> Segment:
        """This segment with other glossary terms, made directly: dataclasses.replace takes twice as long, and the
        glossary's terms are set on every segment of every document."""
        return Segment(self.id, self.paragraph, self.sentence, self.part, self.line, self.source, terms)


@dataclass(frozen=True)
class Target:
    """One target language's texts for a document's segments, keyed by segment id."""

    locale: str  # gettext locale, e.g. "zh_TW", "en"
    texts: dict[str, str]
    origin: str  # how the texts were made, e.g. "OpenCC 1.4.2 s2twp"
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # reviewer comments per segment


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """A QA finding on one segment of one target."""

    segment_id: str
    severity: Severity
    code: str
    message: str
