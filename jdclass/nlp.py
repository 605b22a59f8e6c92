"""spaCy, offline: a blank English pipeline, rule-based sentences, lookup lemmas, and level-aware normalization."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple, cast

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LANG, LENGTH, LIKE_EMAIL, LIKE_NUM, LIKE_URL, LOWER, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from jdclass.errors import MissingExtra
from jdclass.experience import years_bucket
from jdclass.posting import Posting, parse_text
from jdclass.spans import Span

# Words spaCy calls stop words that carry level signal in a job ad ("own the roadmap", "first PM hire").
KEPT_STOP_WORDS = frozenset({"own", "first", "top", "full", "serious", "several"})
STOP = frozenset(STOP_WORDS) - KEPT_STOP_WORDS
_MONEY = re.compile(r"^[$£€₹]")
DEFAULT_BATCH_SIZE = 64
# How many distinct chunks (runs of non-space characters) are put in the tokenizer's cache, at most: a bound
# on memory. The corpus and the real postings hold 58,000 between them; most are rare, the common ones come first.
MAX_CACHED_CHUNKS = 50_000
# How many word types the lexicon and the lemma look-up remember, at most: a bound on memory when a folder holds
# millions of distinct strings (links, reference numbers, names). Beyond it, a new word type is looked up each time.
MAX_REMEMBERED_TYPES = 200_000
# How many lexemes spaCy may have made in this process before the pipeline is built afresh. The strings met in a
# memory zone are freed when it ends, but the hash table that found their lexemes keeps their deleted slots and
# doubles as if it held them all (about 30 bytes a lexeme ever made).
MAX_LEXEMES = 1_000_000
_SPACY_LOCK = threading.Lock()


_BULLETS = frozenset({"•", "·", "▪"})
# The characters that end a sentence, as spaCy's sentencizer has them ("." "!" "?" and their equivalents in other scripts).
_ENDS_SENTENCE = frozenset(Sentencizer.default_punct_chars)


@Language.component("sentences")
def sentences(doc: Doc) -> Doc:
    """Rule-based sentences (see ``sentence_starts``), set on the document's tokens. The result is that of spaCy's
    ``sentencizer`` followed by a line-break step."""
    if not len(doc):
        return doc
    array = doc.to_array([ORTH, SENT_START])  # uint64: -1 (not a start) is stored as its two's complement
    flags = np.full(len(doc), -1, dtype=np.int64)
    flags[sentence_starts(_lexicon(doc.vocab).entries_of(array[:, 0].tolist()))] = 1
    array[:, 1] = flags.view(np.uint64)
    doc.from_array([ORTH, SENT_START], array)  # type: ignore[arg-type]  # the stub wants Ints2d; this is to_array's own uint64 array
    return doc


def sentence_starts(entries: list[WordType]) -> list[int]:
    """The indexes of the tokens that start a sentence (0 first), in one pass over their word types: the
    sentencizer's rule (a run of ``.``, ``!`` or ``?`` ends a sentence at the next word), and a new line or a
    bullet starts one, since job ads are bullets and headings more than prose."""
    starts: list[int] = []
    seen_end = broken = False
    for index, entry in enumerate(entries):
        word = seen_end and not entry.punct and not entry.ends_sentence  # the sentencizer starts one here
        if word:
            seen_end = False
        elif entry.ends_sentence:
            seen_end = True
        if word or broken or not index:
            starts.append(index)
        broken = entry.breaks_line
    return starts


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared spaCy pipeline, built once per process: ``spacy.blank("en")`` plus rule-based sentences.

    Its vocabulary computes only the lexical attributes the normalizer reads (``LEXEME_ATTRIBUTES``) for each
    string it meets after it is built: the others (shape, norm, prefix, suffix, is_alpha, is_stop, ...) are Python
    functions spaCy would run on every new string (without them, a batch of postings full of links and reference
    numbers ran in 22-24 s instead of 25-26). So on this pipeline's tokens those other attributes are unreliable:
    empty or false for strings met later, set for the few hundred spaCy made while building the pipeline. For them,
    use a pipeline of your own (``spacy.blank("en")``); the tokens are the same.
    """
    nlp = spacy.blank("en")
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # set by Vocab.__init__, missing from spaCy's stub
    for attribute in set(getters) - LEXEME_ATTRIBUTES:
        del getters[attribute]
    nlp.add_pipe("sentences")
    return nlp


# The lexical attributes ``Lexicon`` reads, and the language (``Vocab.lang``); tokenizing needs none of them.
LEXEME_ATTRIBUTES = frozenset({IS_PUNCT, IS_SPACE, LIKE_EMAIL, LIKE_NUM, LIKE_URL, LOWER, LANG})


def renew_pipeline() -> None:
    """Drop the process's spaCy pipeline with its lexicon and chunk cache: the next ``pipeline()`` builds them anew.

    A long batch run does this every ``MAX_LEXEMES`` lexemes, so that its memory stays bounded however many
    postings it reads; the tokens are the same before and after (tested).
    """
    pipeline.cache_clear()
    _lexicon.cache_clear()
    _chunk_cache.cache_clear()


class ChunkCache:
    """Fills the cache of spaCy's tokenizer with each new chunk of text, so that documents are split from it.

    The tokenizer remembers how it split each run of non-space characters ("roadmap,", "(e.g."), but stops
    adding to that memory for the rest of a document once it meets a special case ("e.g.", "don't", "etc."),
    which most job ads hold early on, and after 10,000 chunks. Tokenizing each chunk on its own the first time
    it is seen puts it in the cache; the documents then read it from there. The tokens are the same (the cache
    holds what the tokenizer gave), at about a third of the cost once the common chunks are known.
    """

    def __init__(self, nlp: Language, limit: int = MAX_CACHED_CHUNKS) -> None:
        tokenizer = nlp.tokenizer
        if not isinstance(tokenizer, Tokenizer):
            raise TypeError(f"a ChunkCache needs spaCy's own tokenizer, not {type(tokenizer).__name__}")
        self.tokenizer = tokenizer
        self.limit = limit
        # The tokenizer also caches chunks met inside documents: room for those beside the ones warmed here.
        self.tokenizer.max_cache_size = max(self.tokenizer.max_cache_size, 2 * limit)
        self.seen: set[str] = set()

    def warm(self, text: str) -> None:
        """Tokenize each chunk of ``text`` not seen before on its own (nothing, once ``limit`` chunks are known)."""
        seen, tokenizer = self.seen, self.tokenizer
        if len(seen) >= self.limit:
            return
        for chunk in set(text.split()).difference(seen):  # a set difference: a third faster than a loop with a test
            if len(seen) >= self.limit:
                return
            seen.add(chunk)
            tokenizer(chunk)


@lru_cache(maxsize=4)
def _chunk_cache(nlp: Language) -> ChunkCache:
    """The chunk cache of a pipeline (one per process)."""
    return ChunkCache(nlp)


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
        if len(self) < MAX_REMEMBERED_TYPES:
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


class WordType(NamedTuple):
    """What the normalizer and the sentence rules need to know about one word type."""

    word: str  # the normalized word, "" when dropped
    punct: bool
    ends_sentence: bool
    breaks_line: bool


class Lexicon:
    """What each word type becomes in normalized text, remembered per spaCy orth id.

    Every test below is a property of the word type (spaCy's lexical attributes, the lower-case form, the lemma),
    so one look-up per type gives the same tokens as testing each token, at a fraction of the cost.
    """

    def __init__(self, vocab: Vocab, lemmas: LemmaLookup) -> None:
        self.vocab = vocab
        self.lemmas = lemmas
        self.entries: dict[int, WordType] = {}

    def entry(self, orth: int) -> WordType:
        """The word type of a spaCy orth id."""
        found = self.entries.get(orth)
        if found is None:
            lexeme = self.vocab[orth]
            text = lexeme.orth_
            found = WordType(self._word(lexeme), lexeme.is_punct, text in _ENDS_SENTENCE, "\n" in text or text in _BULLETS)
            if len(self.entries) < MAX_REMEMBERED_TYPES:
                self.entries[orth] = found  # keyed by the string's hash, valid whether spaCy keeps the string or not
        return found

    def entries_of(self, orths: list[int]) -> list[WordType]:
        """The word types of a document's orth ids (a dictionary look-up each once the types are known)."""
        found = list(map(self.entries.get, orths))  # in C; a type not known yet is None, and rare once warm
        index = -1
        try:
            while True:  # each None found by a scan in C: a document holds few new types, if any
                index = found.index(None, index + 1)
                found[index] = self.entry(orths[index])
        except ValueError:
            return cast(list[WordType], found)

    def _word(self, lexeme: Lexeme) -> str:
        if lexeme.is_space or lexeme.is_punct or lexeme.like_url or lexeme.like_email:
            return ""
        lower = lexeme.lower_
        if _MONEY.match(lower):
            return "money_amount"
        if lexeme.like_num or lower in STOP or not any(ch.isalpha() for ch in lower):
            return ""
        return self.lemmas[lower]


@lru_cache(maxsize=4)
def _lexicon(vocab: Vocab) -> Lexicon:
    """The lexicon of a spaCy vocabulary (one per pipeline, so per process)."""
    return Lexicon(vocab, lemma_table())


_WORD_OF = attrgetter("word")


def _year_markers(posting: Posting, starts: np.ndarray) -> dict[int, str]:
    """Years requirements become one token at the start of their span ("5+ years" -> ``yoe_5``); the rest is dropped.

    ``starts`` holds the character offset of each token; the markers are keyed by token index.
    """
    markers: dict[int, str] = {}
    for requirement in posting.years:
        kind = "yoe" if requirement.required else "yoepref"
        if requirement.field == "people_management":
            kind = "yoemgmt"
        first, last = np.searchsorted(starts, [requirement.span.start, requirement.span.end]).tolist()
        if first < len(starts):
            markers[first] = f"{kind}_{years_bucket(requirement.minimum)}"
            markers.update(dict.fromkeys(range(first + 1, last), ""))
    return markers


def _analysis(posting: Posting, text: str, doc: Doc, lexicon: Lexicon) -> Analysis:
    """Normalized tokens and sentences of a tokenized document, read from its arrays rather than token by token.

    The sentences follow ``sentence_starts``, the rule of the pipeline's ``sentences`` component, applied here to
    the word types already looked up: the same sentences, without writing them into the document and reading
    them back.
    """
    array = doc.to_array([ORTH, IDX, LENGTH])
    orths, starts, lengths = (column.tolist() for column in array.T)
    entries = lexicon.entries_of(orths)
    words = list(map(_WORD_OF, entries))
    for index, marker in _year_markers(posting, array[:, 1]).items():
        words[index] = marker
    bounds = sentence_starts(entries)
    parts: list[str] = []
    sentences: list[Sentence] = []
    for begin, end in pairwise([*bounds, len(orths)]):
        kept = " ".join(filter(None, words[begin:end]))
        if not kept:
            continue
        parts.append(kept)
        chars = text[starts[begin] : starts[end - 1] + lengths[end - 1]]
        stripped = chars.strip()
        if stripped:
            offset = starts[begin] + chars.find(stripped)
            sentences.append(Sentence(Span(offset, offset + len(stripped)), kept))
    return Analysis(posting, " ".join(parts), tuple(sentences))


def analyze(items: Iterable[str | Posting | Analysis], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Analysis]:
    """Parse (if needed) and tokenize postings with spaCy in batches; yields in input order.

    Only the tokenizer runs over the documents: ``_analysis`` finds the sentences by the ``sentences``
    component's rule on the word types it looks up anyway: 0.8 ms a posting instead of 1.0-1.2 when the component ran.
    """
    buffer: list[Posting | Analysis] = []

    def flush() -> Iterator[Analysis]:
        texts = {index: item.content_text() for index, item in enumerate(buffer) if isinstance(item, Posting)}
        # One thread at a time: memory zones must not overlap (one ending would free the strings of another).
        with _SPACY_LOCK:
            nlp = pipeline()
            lexicon = _lexicon(nlp.vocab)
            chunks = _chunk_cache(nlp)
            for text in texts.values():
                chunks.warm(text)
            # spaCy keeps every new string it meets for the life of the process; in a memory zone it frees those it
            # met there when the zone ends, so a folder of any size runs in bounded memory. The chunks warmed above
            # stay (at most MAX_CACHED_CHUNKS), and analyses hold only Python strings and numbers.
            with nlp.memory_zone():
                docs = iter(nlp.pipe(texts.values(), batch_size=batch_size, disable=["sentences"]))
                done = [item if isinstance(item, Analysis) else _analysis(item, texts[index], next(docs), lexicon) for index, item in enumerate(buffer)]
            if len(nlp.vocab) > MAX_LEXEMES:  # len counts every lexeme made, freed or not
                renew_pipeline()
        buffer.clear()
        yield from done

    for item in items:
        buffer.append(parse_text(item) if isinstance(item, str) else item)
        if len(buffer) >= batch_size * 4:
            yield from flush()
    yield from flush()


def split_tokens(text: str) -> list[str]:
    """The analyzer for vectorizers over normalized text: tokens are already separated by spaces."""
    return text.split()
