"""spaCy, offline: a blank English pipeline, rule-based sentences, lookup lemmas, and level-aware normalization."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from jdclass.errors import MissingExtra
from jdclass.experience import years_bucket
from jdclass.posting import Posting, parse_text
from jdclass.spans import Span

# Words spaCy calls stop words that carry level signal in a job ad ("own the roadmap", "first PM hire").
KEPT_STOP_WORDS = frozenset({"own", "first", "top", "full", "serious", "several"})
STOP = frozenset(STOP_WORDS) - KEPT_STOP_WORDS
_MONEY = re.compile(r"^[$£€₹]")
DEFAULT_BATCH_SIZE = 64


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line starts a new sentence: job ads are bullets and headings more than prose."""
    for token in doc[:-1]:
        if "\n" in token.text or token.text in ("•", "·", "▪"):
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared spaCy pipeline, built once per process: ``spacy.blank("en")`` with two rule-based sentence steps."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks")
    return nlp


class LemmaLookup(dict[str, str]):
    """spaCy's English lookup lemmas (from ``spacy-lookups-data``), asked with lower-case words and remembered."""

    def __init__(self) -> None:
        super().__init__()
        try:
            from spacy.lookups import load_lookups

            self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        except (ValueError, ImportError, OSError):
            raise MissingExtra("the lemma tables are missing: pip install spacy-lookups-data") from None

    def __missing__(self, word: str) -> str:
        # The table is case-sensitive: callers pass lower-case words, so "Managing" and "managing" agree.
        lemma = str(self.table.get(word, word)).lower()
        self[word] = lemma
        return lemma


@lru_cache(maxsize=1)
def lemma_table() -> LemmaLookup:
    """The process-wide lemma lookup."""
    return LemmaLookup()


@dataclass(frozen=True)
class Sentence:
    """A sentence or bullet of the posting: its span in the posting text and its normalized tokens."""

    span: Span
    tokens: str


@dataclass(frozen=True)
class Analysis:
    """A parsed posting plus spaCy's view of its content (title blanked out): normalized tokens and sentences."""

    posting: Posting
    tokens: str
    sentences: tuple[Sentence, ...]


def _normalized(doc: Doc, start: int, end: int, years: dict[int, str], lemmas: LemmaLookup) -> list[str]:
    out: list[str] = []
    for token in doc[start:end]:
        marker = years.get(token.idx)
        if marker is not None:
            out.append(marker)
            continue
        if token.is_space or token.is_punct or token.like_url or token.like_email:
            continue
        lower = token.lower_
        if _MONEY.match(lower):
            out.append("money_amount")
            continue
        if token.like_num or lower in STOP or not any(ch.isalpha() for ch in lower):
            continue
        out.append(lemmas[lower])
    return out


def _year_markers(posting: Posting, doc: Doc) -> dict[int, str]:
    """Years requirements become one token at the start of their span ("5+ years" -> ``yoe_4-5``); the rest is dropped."""
    markers: dict[int, str] = {}
    if not posting.years:
        return markers
    starts = [token.idx for token in doc]
    for requirement in posting.years:
        kind = "yoe" if requirement.required else "yoepref"
        if requirement.field == "people_management":
            kind = "yoemgmt"
        first = bisect_left(starts, requirement.span.start)
        if first < len(starts):
            markers[starts[first]] = f"{kind}_{years_bucket(requirement.minimum)}"
            for idx in starts[first + 1 : bisect_left(starts, requirement.span.end)]:
                markers[idx] = ""
    return markers


def analyze(items: Iterable[str | Posting | Analysis], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Analysis]:
    """Parse (if needed) and run spaCy over postings in batches through ``nlp.pipe``; yields in input order."""
    nlp = pipeline()
    lemmas = lemma_table()
    buffer: list[Posting | Analysis] = []

    def flush() -> Iterator[Analysis]:
        todo = [item for item in buffer if isinstance(item, Posting)]
        docs = iter(nlp.pipe((posting.content_text() for posting in todo), batch_size=batch_size))
        for item in buffer:
            if isinstance(item, Analysis):
                yield item
                continue
            doc = next(docs)
            years = _year_markers(item, doc)
            tokens: list[str] = []
            sentences: list[Sentence] = []
            for sent in doc.sents:
                words = [word for word in _normalized(doc, sent.start, sent.end, years, lemmas) if word]
                tokens.extend(words)
                text = sent.text.strip()
                if words and text:
                    begin = sent.start_char + sent.text.find(text)
                    sentences.append(Sentence(Span(begin, begin + len(text)), " ".join(words)))
            yield Analysis(item, " ".join(tokens), tuple(sentences))
        buffer.clear()

    for item in items:
        buffer.append(parse_text(item) if isinstance(item, str) else item)
        if len(buffer) >= batch_size * 4:
            yield from flush()
    yield from flush()


def split_tokens(text: str) -> list[str]:
    """The analyzer for vectorizers over normalized text: tokens are already separated by spaces."""
    return text.split()
