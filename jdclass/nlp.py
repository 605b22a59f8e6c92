"""spaCy, offline: a blank English pipeline, rule-based sentences, lookup lemmas, and level-aware normalization."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple, cast

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LANG, LIKE_EMAIL, LIKE_NUM, LIKE_URL, LOWER, ORTH, SENT_START
from spacy.lang.en import English
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex
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
# spaCy's tokenizer peels a chunk's prefixes and suffixes one at a time and reads the rest of the chunk at each peel
# (its suffix pattern is searched all along it, its URL pattern backtracks over "1:1:1"): a chunk of thousands of
# punctuation marks took seconds, "(" * 10,000 over 15. A text with a chunk over LONG_CHUNK_CHARS characters (one
# posting in 400 holds one: links) is tokenized by a tokenizer that searches suffixes near the chunk's end
# (``suffix_search``), and a chunk over MAX_CHUNK_CHARS (no posting of the corpus, the bench or the real ones) in
# pieces of that many characters.
LONG_CHUNK_CHARS = 50
MAX_CHUNK_CHARS = 200
_LONG_CHUNK = re.compile(rf"(?<!\S)\S{{{MAX_CHUNK_CHARS + 1},}}")
# The longest suffix spaCy's English rules split off, bar a run of dots ("km³", "US$"; tests/test_nlp.py checks).
SUFFIX_WIDTH = 5


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
    lexicon = _lexicon(doc.vocab)
    with lexicon.lock:
        types = lexicon.flags[lexicon.types_of(array[:, 0])]
    flags = np.full(len(doc), -1, dtype=np.int64)
    flags[sentence_starts(types)] = 1
    array[:, 1] = flags.view(np.uint64)
    doc.from_array([ORTH, SENT_START], array)  # type: ignore[arg-type]  # the stub wants Ints2d; this is to_array's own uint64 array
    return doc


# What ``sentence_starts`` needs to know of a word type, as bits of its flags.
PUNCT = np.uint8(1)
ENDS_SENTENCE = np.uint8(2)
BREAKS_LINE = np.uint8(4)
SPACE = np.uint8(8)  # white space only (not read by the sentence rule)
SPLITS = np.uint8(16)  # a normalized word that str.split makes two or more (none has, yet)


def sentence_starts(flags: np.ndarray, firsts: np.ndarray | None = None) -> np.ndarray:
    """The indexes of the tokens that start a sentence, given each token's flags (``PUNCT``, ``ENDS_SENTENCE``,
    ``BREAKS_LINE``): the sentencizer's rule (a run of ``.``, ``!`` or ``?`` ends a sentence at the next word), and
    a new line or a bullet starts one, since job ads are bullets and headings more than prose.

    ``flags`` may hold several documents one after another, ``firsts`` being the index of each one's first token
    (sorted; 0 alone when not given): each starts a sentence, and a sentence end does not carry over into the next.
    In numpy over a batch's documents at once rather than a loop over the tokens: a word (a token neither
    punctuation nor a sentence end) starts a sentence when it is the first word after a sentence end.
    """
    starts = np.zeros(len(flags), dtype=bool)
    if not len(flags):
        return np.flatnonzero(starts)
    firsts = np.zeros(1, dtype=np.int64) if firsts is None else firsts
    words = np.flatnonzero((flags & (PUNCT | ENDS_SENTENCE)) == 0)
    ends = np.flatnonzero(flags & ENDS_SENTENCE)
    after = np.searchsorted(words, ends)  # the first word after each end (an end is no word)
    found = after < len(words)
    ends, after = ends[found], words[after[found]]
    same = np.searchsorted(firsts, ends, side="right") == np.searchsorted(firsts, after, side="right")
    starts[after[same]] = True
    starts[1:] |= (flags[:-1] & BREAKS_LINE) != 0
    starts[firsts] = True
    return np.flatnonzero(starts)


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


_SUFFIXES = compile_suffix_regex(English.Defaults.suffixes or ())


def suffix_search(chunk: str) -> re.Match[str] | None:
    """What spaCy's English suffix search finds in ``chunk`` (the leftmost match that ends it), searched only where
    a suffix can begin: a run of dots that ends the chunk (or comes before its final newline), or its last
    ``SUFFIX_WIDTH`` characters (and one more, for a ``$`` before a final newline). Searched from the chunk's start,
    each peel read the whole chunk."""
    body = chunk.removesuffix("\n")  # "......\n": the dots end it for ``$`` too
    dots = len(body) - len(body.rstrip("."))
    return _SUFFIXES.search(chunk, max(0, len(chunk) - max(dots + len(chunk) - len(body), SUFFIX_WIDTH + 1)))


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
    _long_chunk_tokenizer.cache_clear()


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

    def warm(self, text: str) -> bool:
        """Tokenize each chunk of ``text`` not seen before on its own (nothing, once ``limit`` chunks are known);
        whether ``text`` holds a chunk over ``LONG_CHUNK_CHARS`` (one is never seen: it is tokenized apart, by
        ``token_arrays``), found among the new chunks rather than by a pass over them all (20 us a posting)."""
        seen, tokenizer = self.seen, self.tokenizer
        if len(seen) >= self.limit:
            return _has_long_chunk(text)
        long = False
        for chunk in set(text.split()).difference(seen):  # a set difference: a third faster than a loop with a test
            if len(chunk) > LONG_CHUNK_CHARS:
                long = True
            elif len(seen) < self.limit:
                seen.add(chunk)
                tokenizer(chunk)
        return long


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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or bullet of the posting: its span in the posting text and its normalized tokens."""

    span: Span
    tokens: str


@dataclass(frozen=True)
class Analysis:
    """A parsed posting plus spaCy's view of its content (title and offer sections blanked out): normalized tokens and sentences."""

    posting: Posting
    tokens: str
    sentences: tuple[Sentence, ...]


# Slots of the lexicon's table from orth ids to word types: a power of two, a few times ``MAX_REMEMBERED_TYPES``,
# so that few of the types a batch meets share a slot.
LEXICON_SLOTS = 1 << 19


class Lexicon:
    """What each word type becomes in normalized text, numbered and remembered per spaCy orth id.

    Every test below is a property of the word type (spaCy's lexical attributes, the lower-case form, the lemma),
    so one look-up per type gives the same tokens as testing each token, at a fraction of the cost. A type's
    number indexes its normalized word (``words``, "" when dropped), that word's length (``lengths``) and its
    flags for the sentence rules (``flags``), all numpy arrays: a document's types are looked up in numpy too,
    each orth id in a table of slots (its low bits), and in a dictionary only when its slot holds another type.
    """

    def __init__(self, vocab: Vocab, lemmas: LemmaLookup, limit: int = MAX_REMEMBERED_TYPES, slots: int = LEXICON_SLOTS) -> None:
        self.vocab = vocab
        self.lemmas = lemmas
        self.limit = limit
        self.numbers: dict[int, int] = {}  # the remembered types, numbered from 0 in the order met
        self.size = 0  # the types numbered: the remembered ones, then those of the last call past the limit
        self.words = np.empty(1024, dtype=object)
        self.lengths = np.zeros(1024, dtype=np.int64)
        self.flags = np.zeros(1024, dtype=np.uint8)
        self.text_lengths = np.zeros(1024, dtype=np.int64)  # of the type's own text
        self.mask = np.uint64(slots - 1)
        self.slot_orths = np.zeros(slots, dtype=np.uint64)
        self.slot_types = np.zeros(slots, dtype=np.int32)  # each slot's type number + 1; 0, an empty slot
        # Held from ``types_of`` until its numbers are read: a call numbers types, and forgets those numbered for
        # the call before it past the limit.
        self.lock = threading.Lock()

    def types_of(self, orths: np.ndarray) -> np.ndarray:
        """The type numbers of orth ids (``to_array``'s uint64), valid until the next call: past ``limit`` types,
        a new one is numbered for this call only. The caller holds ``lock``."""
        slots = orths & self.mask
        types = self.slot_types[slots] - 1
        missed = np.flatnonzero((self.slot_orths[slots] != orths) | (types < 0))
        if not len(missed):
            return types
        self.words[len(self.numbers) : self.size] = None  # the types numbered for the last call only are gone
        self.size = len(self.numbers)
        numbers = self.numbers
        own: dict[int, int] = {}
        for index, orth in zip(missed.tolist(), orths[missed].tolist(), strict=True):
            number = numbers.get(orth)
            if number is None:
                number = own.get(orth)
                if number is None:
                    number = self._add(orth)
                    if len(numbers) < self.limit:
                        numbers[orth] = number  # keyed by the string's hash, valid whether spaCy keeps the string or not
                    else:
                        own[orth] = number
            if number < self.limit:
                slot = slots[index]
                self.slot_orths[slot] = orth
                self.slot_types[slot] = number + 1
            types[index] = number
        return types

    def _add(self, orth: int) -> int:
        """Number the word type of an orth id."""
        number = self.size
        if number == len(self.words):
            self.words = np.concatenate([self.words, np.empty(number, dtype=object)])
            self.lengths = np.concatenate([self.lengths, np.zeros(number, dtype=np.int64)])
            self.flags = np.concatenate([self.flags, np.zeros(number, dtype=np.uint8)])
            self.text_lengths = np.concatenate([self.text_lengths, np.zeros(number, dtype=np.int64)])
        lexeme = self.vocab[orth]
        text = lexeme.orth_
        word = self._word(lexeme)
        self.words[number] = word
        self.lengths[number] = len(word)
        self.flags[number] = (
            PUNCT * lexeme.is_punct
            + ENDS_SENTENCE * (text in _ENDS_SENTENCE)
            + BREAKS_LINE * ("\n" in text or text in _BULLETS)
            + SPACE * lexeme.is_space
            + SPLITS * (word != "" and word.split() != [word])
        )
        self.text_lengths[number] = len(text)
        self.size += 1
        return number

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
        if first < last:  # no token in the span: blanked from the content (the title, an offer section), so no marker
            markers[first] = f"{kind}_{years_bucket(requirement.minimum)}"
            markers.update(dict.fromkeys(range(first + 1, last), ""))
    return markers


# The slots of a sentence's fields; a span's fields are set as its dataclass ``__init__`` sets them.
_SENTENCE_SPAN, _SENTENCE_TOKENS = cast(Any, Sentence).span, cast(Any, Sentence).tokens


class Batch(NamedTuple):
    """Analyses made together (``analyze_batch``), with the tokens of their sentences split, for ``SharedGrams``."""

    analyses: list[Analysis]
    # Every sentence's tokens, sentence after sentence; None where they are not each analysis's tokens (a sentence
    # with words left out for having no characters but white space), or not its tokens split.
    words: list[str] | None
    sizes: np.ndarray  # how many tokens each sentence holds


def _analyses(postings: list[Posting], arrays: list[np.ndarray], lexicon: Lexicon) -> Batch:
    """Normalized tokens and sentences of tokenized documents (``to_array([ORTH, IDX])`` of each), read from their
    arrays rather than token by token, all at once: the batch's tokens in one array, its kept words joined once.

    The sentences follow ``sentence_starts``, the rule of the pipeline's ``sentences`` component, applied here to
    the word types already looked up: the same sentences, without writing them into the documents and reading
    them back. A posting's tokens, and each of its sentences', are a slice of the batch's joined words.
    """
    sizes = np.array([len(array) for array in arrays], dtype=np.int64)
    firsts = np.zeros(len(arrays) + 1, dtype=np.int64)  # where each document's tokens begin, then their count
    np.cumsum(sizes, out=firsts[1:])
    if not firsts[-1]:
        return Batch([Analysis(posting, "", ()) for posting in postings], [], np.zeros(0, dtype=np.int64))
    array = np.concatenate(arrays)
    with lexicon.lock:
        types = lexicon.types_of(array[:, 0])
        lengths, flags, words = lexicon.lengths[types], lexicon.flags[types], lexicon.words[types]
        text_lengths = lexicon.text_lengths[types]
    starts = array[:, 1].astype(np.int64)  # each token's offset in its own text
    markers: dict[int, str] = {}
    for posting, first, size in zip(postings, firsts.tolist(), sizes.tolist(), strict=False):
        if posting.years:
            markers.update((first + index, marker) for index, marker in _year_markers(posting, starts[first : first + size]).items())
    lengths[list(markers)] = list(map(len, markers.values()))
    kept = lengths > 0
    kept_before = np.zeros(len(types) + 1, dtype=np.int64)
    np.cumsum(kept, out=kept_before[1:])
    words = words[kept]
    for index, marker in markers.items():
        if marker:
            words[kept_before[index]] = marker
    kept_words = words.tolist()
    joined = " ".join(kept_words)
    word_starts = np.zeros(len(words) + 1, dtype=np.int64)  # where each kept word begins in ``joined``, then its end + 1
    np.cumsum(lengths[kept] + 1, out=word_starts[1:])
    # Each sentence's tokens, in the words kept before it and after it, and its characters, stripped: from its first
    # token to its last that is not white space (a token is all white space or holds none, as the tokenizer splits
    # the text where white space begins or ends, so these are the sentence's first and last characters that are not).
    bounds = sentence_starts(flags, firsts[:-1][sizes > 0])
    ends = np.append(bounds[1:], len(types))
    begins, after = kept_before[bounds], kept_before[ends]
    solid = np.flatnonzero((flags & SPACE) == 0)
    low, high = np.searchsorted(solid, bounds), np.searchsorted(solid, ends)  # the sentence's solid tokens: solid[low:high]
    chosen = np.flatnonzero((after > begins) & (high > low))  # some words kept, some characters
    head, tail = solid[low[chosen]], solid[high[chosen] - 1]  # its first and last solid token
    counts = np.bincount(np.searchsorted(firsts, bounds[chosen], side="right") - 1, minlength=len(postings)).tolist()
    # Built as their constructors build them (tested), without the call: half the cost of a sentence.
    new, set_field, set_span, set_tokens = object.__new__, object.__setattr__, _SENTENCE_SPAN.__set__, _SENTENCE_TOKENS.__set__
    sentences: list[Sentence] = []
    for begin, end, start, stop in zip(
        starts[head].tolist(),
        (starts[tail] + text_lengths[tail]).tolist(),
        word_starts[begins[chosen]].tolist(),
        (word_starts[after[chosen]] - 1).tolist(),
        strict=True,
    ):
        span = new(Span)
        set_field(span, "start", begin)
        set_field(span, "end", end)
        sentence = new(Sentence)
        set_span(sentence, span)
        set_tokens(sentence, joined[start:stop])
        sentences.append(sentence)
    spans = word_starts[kept_before[firsts]].tolist()
    analyses, taken = [], 0
    for posting, start, stop, count in zip(postings, spans, spans[1:], counts, strict=False):
        analyses.append(Analysis(posting, joined[start : max(start, stop - 1)], tuple(sentences[taken : taken + count])))
        taken += count
    # The kept words are the sentences' tokens unless a sentence with words has no characters (it is left out), or
    # a word would split in two.
    exact = len(chosen) == np.count_nonzero(after > begins) and not (flags[kept] & SPLITS).any()
    return Batch(analyses, kept_words if exact else None, (after - begins)[chosen])


def analyze(items: Iterable[str | Posting | Analysis], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Analysis]:
    """Parse (if needed) and tokenize postings with spaCy in batches; yields in input order.

    Only the tokenizer runs over the documents: ``_analyses`` finds the sentences by the ``sentences``
    component's rule on the word types it looks up anyway: 0.8 ms a posting instead of 1.0-1.2 when the component ran.
    """
    buffer: list[Posting | Analysis] = []

    def flush() -> Iterator[Analysis]:
        made = iter(analyze_batch([item for item in buffer if isinstance(item, Posting)], batch_size).analyses)
        done = [item if isinstance(item, Analysis) else next(made) for item in buffer]
        buffer.clear()
        yield from done

    for item in items:
        buffer.append(parse_text(item) if isinstance(item, str) else item)
        if len(buffer) >= batch_size * 4:
            yield from flush()
    yield from flush()


def analyze_batch(postings: list[Posting], batch_size: int = DEFAULT_BATCH_SIZE) -> Batch:
    """The analyses of postings, in their order, with their sentences' tokens split (``Batch``): ``batch_size * 4``
    postings at a time in one spaCy memory zone."""
    if len(postings) > batch_size * 4:
        parts = [analyze_batch(postings[start : start + batch_size * 4], batch_size) for start in range(0, len(postings), batch_size * 4)]
        words = None if any(part.words is None for part in parts) else [word for part in parts for word in cast(list[str], part.words)]
        return Batch([analysis for part in parts for analysis in part.analyses], words, np.concatenate([part.sizes for part in parts]))
    texts = [posting.content_text() for posting in postings]
    # One thread at a time: memory zones must not overlap (one ending would free the strings of another).
    with _SPACY_LOCK:
        nlp = pipeline()
        lexicon = _lexicon(nlp.vocab)
        chunks = _chunk_cache(nlp)
        long = frozenset(index for index, text in enumerate(texts) if chunks.warm(text))
        # spaCy keeps every new string it meets for the life of the process; in a memory zone it frees those it
        # met there when the zone ends, so a folder of any size runs in bounded memory. The chunks warmed above
        # stay (at most MAX_CACHED_CHUNKS), and analyses hold only Python strings and numbers.
        if long:
            _long_chunk_tokenizer(nlp)  # made outside the memory zone, whose end would free its special cases' strings
        with nlp.memory_zone():
            arrays = token_arrays(nlp, texts, batch_size, long)
            batch = _analyses(postings, arrays, lexicon)
        if len(nlp.vocab) > MAX_LEXEMES:  # len counts every lexeme made, freed or not
            renew_pipeline()
    return batch


def long_chunk_texts(texts: list[str]) -> frozenset[int]:
    """The indexes of the texts with a chunk (a run of characters that are not white space, as spaCy splits a
    text) over ``LONG_CHUNK_CHARS``."""
    return frozenset(index for index, text in enumerate(texts) if _has_long_chunk(text))


def _has_long_chunk(text: str) -> bool:
    return max(map(len, text.split()), default=0) > LONG_CHUNK_CHARS


def token_arrays(nlp: Language, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE, long: frozenset[int] | None = None) -> list[np.ndarray]:
    """``doc.to_array([ORTH, IDX])`` of each text tokenized by ``nlp``. A text with a chunk over ``LONG_CHUNK_CHARS``
    (``long``: ``long_chunk_texts``) is tokenized by ``_long_chunk_tokenizer`` (the same tokens), a chunk over
    ``MAX_CHUNK_CHARS`` in pieces cut every ``MAX_CHUNK_CHARS`` characters: a token ends at each cut."""
    long = long_chunk_texts(texts) if long is None else long
    whole = [text for index, text in enumerate(texts) if index not in long] if long else texts
    arrays = [doc.to_array([ORTH, IDX]) for doc in nlp.pipe(whole, batch_size=batch_size, disable=["sentences"])]
    for index in sorted(long):
        text = texts[index]
        cuts = [0]
        for chunk in _LONG_CHUNK.finditer(text):
            cuts += range(chunk.start() + MAX_CHUNK_CHARS, chunk.end(), MAX_CHUNK_CHARS)
        cuts.append(len(text))
        pieces = []
        for start, stop in pairwise(cuts):
            array = _long_chunk_tokenizer(nlp)(text[start:stop]).to_array([ORTH, IDX])
            array[:, 1] += start
            pieces.append(array)
        arrays.insert(index, np.concatenate(pieces))
    return arrays


@lru_cache(maxsize=4)
def _long_chunk_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer with the rules and vocabulary of ``nlp``'s that searches suffixes near a chunk's end
    (``suffix_search``): the same tokens. ``nlp``'s own stays as spaCy made it, a Python call less a suffix."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    rules = (tokenizer.rules, tokenizer.prefix_search, suffix_search, tokenizer.infix_finditer, tokenizer.token_match, tokenizer.url_match)
    return Tokenizer(nlp.vocab, *rules)


def split_tokens(text: str) -> list[str]:
    """The analyzer for vectorizers over normalized text: tokens are already separated by spaces."""
    return text.split()
