"""The spaCy step: rule-based sentences and normalized tokens read from arrays."""

from __future__ import annotations

import numpy as np
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.attrs import IDX, ORTH, SPACY
from spacy.lang.en import English

from jdclass.nlp import (
    _SUFFIXES,
    BREAKS_LINE,
    ENDS_SENTENCE,
    LONG_CHUNK_CHARS,
    MAX_CHUNK_CHARS,
    PUNCT,
    SUFFIX_WIDTH,
    ChunkCache,
    LemmaLookup,
    Lexicon,
    Sentence,
    _long_chunk_tokenizer,
    analyze,
    analyze_batch,
    lemma_table,
    pipeline,
    sentence_starts,
    suffix_search,
    token_arrays,
)

PIECES = [
    "Own",
    "the",
    "roadmap",
    "5+",
    "years",
    ".",
    "!",
    "?",
    "...",
    ",",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\n\n",
    "•",
    "·",
    "-",
    "Dr.",
    "e.g.",
    "U.S.",
    "$120k",
    "🙂",
    "मैं",
    "।",
    "don't",
    "(e.g.,",
    "etc.)",
    "we're",
    "U.S.,",
    "https://example.com/jobs?id=7",
]


_SENTENCIZER = spacy.blank("en")
_SENTENCIZER.add_pipe("sentencizer")


def _reference(text: str) -> list[bool]:
    """spaCy's own sentencizer, then a new line or bullet starts a sentence: what ``sentences`` must equal."""
    doc = _SENTENCIZER(text)
    for token in doc[:-1]:
        if "\n" in token.text or token.text in ("•", "·", "▪"):
            doc[token.i + 1].is_sent_start = True
    return [bool(token.is_sent_start) for token in doc]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_sentences_match_the_sentencizer_plus_line_breaks(text: str) -> None:
    assert [bool(token.is_sent_start) for token in pipeline()(text)] == _reference(text)


def _starts_one_by_one(flags: list[int]) -> list[int]:
    """The sentence rule token by token, as a loop: what ``sentence_starts`` computes in numpy."""
    starts: list[int] = []
    seen_end = broken = False
    for index, flag in enumerate(flags):
        word = seen_end and not flag & PUNCT and not flag & ENDS_SENTENCE
        if word:
            seen_end = False
        elif flag & ENDS_SENTENCE:
            seen_end = True
        if word or broken or not index:
            starts.append(index)
        broken = bool(flag & BREAKS_LINE)
    return starts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 7), max_size=30), max_size=6))
def test_sentence_starts_of_documents_one_after_another_are_each_ones_own(documents: list[list[int]]) -> None:
    # Any mix of flags (an end that is no punctuation too), several documents in one array: none carries a
    # sentence end or a line break into the next.
    expected, firsts, offset = [], [], 0
    for flags in documents:
        expected += [offset + index for index in _starts_one_by_one(flags)]
        if flags:
            firsts.append(offset)
        offset += len(flags)
    joined = np.array([flag for flags in documents for flag in flags], dtype=np.uint8)
    assert sentence_starts(joined, np.array(firsts, dtype=np.int64)).tolist() == expected
    if len(documents) == 1:
        assert sentence_starts(joined).tolist() == expected


def test_a_batch_is_analyzed_as_its_postings_one_at_a_time() -> None:
    texts = [
        "Product Manager\nYou will own search. ",
        "",
        "(e.g. pricing) with 5+ years of product management experience.\n\n• Ship it",
        " ",
        "Lead PMs! ... \n",
        "- ? 3+ years preferred",
    ]
    together = list(analyze(texts))
    assert [(a.tokens, a.sentences) for a in together] == [(a.tokens, a.sentences) for text in texts for a in analyze([text])]
    assert together[2].sentences[0].tokens == "e.g. price yoe_5 product management experience"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*PIECES, "manage", "PMs", "5+ years", "qzvone", "qzvtwo"]), max_size=25).map(" ".join), max_size=4))
def test_a_lexicon_short_of_slots_and_room_gives_the_same_analyses(texts: list[str]) -> None:
    # Two slots: most types share one, and are found in the dictionary; room for three types: the others are
    # numbered for one batch only.
    import jdclass.nlp as nlp_module

    expected = [(a.tokens, a.sentences) for a in analyze(texts)]
    small = Lexicon(pipeline().vocab, lemma_table(), limit=3, slots=2)
    original = nlp_module._lexicon
    nlp_module._lexicon = lambda vocab: small  # type: ignore[assignment]
    try:
        for _ in range(2):
            assert [(a.tokens, a.sentences) for a in analyze(texts)] == expected
    finally:
        nlp_module._lexicon = original
    assert len(small.numbers) <= 3


def test_sentences_on_a_posting() -> None:
    doc = pipeline()("About us\nWe build tools. You will own search!\n• Ship it\n• Measure it")
    # The new line after "search!" is a sentence of its own (empty once stripped); analysis drops such sentences.
    assert [sentence.text.strip() for sentence in doc.sents] == ["About us", "We build tools.", "You will own search!", "", "•", "Ship it", "•", "Measure it"]


def test_analysis_normalizes_and_keeps_sentence_spans() -> None:
    text = "Senior Product Manager\nYou will own the roadmap.\nYou have 5+ years of product management experience. Managing a $200,000 budget!"
    (analysis,) = analyze([text])
    spans = [text[s.span.start : s.span.end] for s in analysis.sentences]  # the title line is not content
    assert spans == ["You will own the roadmap.", "You have 5+ years of product management experience.", "Managing a $200,000 budget!"]
    assert [s.tokens for s in analysis.sentences] == ["own roadmap", "yoe_5 product management experience", "manage money_amount budget"]
    assert analysis.tokens == "own roadmap yoe_5 product management experience manage money_amount budget"


def test_years_stated_in_a_blanked_section_give_no_marker() -> None:
    # The benefits section is not content: its years leave no marker there, nor in place of the next word.
    text = (
        "Product Manager\n\nAbout the role\nOwn the search roadmap.\n\n"
        "Benefits\n- A paid sabbatical once you have 5+ years of experience with us\n\nRequirements\n- Strong writing\n"
    )
    (analysis,) = analyze([text])
    assert [requirement.minimum for requirement in analysis.posting.years] == [5]
    assert [s.tokens for s in analysis.sentences] == ["role", "own search roadmap", "requirement", "strong write"]


def test_sentences_are_what_their_constructors_make() -> None:
    # The analysis builds sentences and spans without calling their constructors: the same objects, as long as a
    # span's constructor only sets its fields.
    import pickle

    from jdclass.spans import Span

    (analysis,) = analyze(["Product Manager\nYou will own search.  Then ship it!\n• Measure it"])
    assert len(analysis.sentences) == 3
    for sentence in analysis.sentences:
        made = Sentence(Span(sentence.span.start, sentence.span.end), sentence.tokens)
        assert sentence == made and repr(sentence) == repr(made) and hash(sentence) == hash(made)
        assert vars(sentence.span) == vars(made.span) and pickle.loads(pickle.dumps(sentence)) == made
    assert not hasattr(Span, "__post_init__")


def test_analysis_of_empty_text() -> None:
    (analysis,) = analyze([" "])
    assert analysis.tokens == "" and analysis.sentences == ()


def _tokens(nlp: spacy.language.Language, text: str) -> list[list[int]]:
    return nlp.tokenizer(text).to_array([ORTH, IDX, SPACY]).tolist()


_PLAIN = spacy.blank("en")
_WARMED = spacy.blank("en")
_CHUNKS = ChunkCache(_WARMED)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=30).map(" ".join))
def test_warmed_chunks_tokenize_as_spacy_does(text: str) -> None:
    # Chunks glued from pieces ("(e.g.,don't") put special cases inside affixes, where the tokenizer works hardest;
    # the cache keeps what earlier examples warmed, as it does over a batch.
    _CHUNKS.warm(text)
    assert _tokens(_WARMED, text) == _tokens(_PLAIN, text)


_SUFFIX_PIECES = [*PIECES, "5", "km³", "US$", "mph", "°F.", "'s", "’S", "....", "......", "…", "%", "+", "a", "Z"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES), max_size=12).map("".join))
@example("......\n")  # a run of dots before a final newline, which ``$`` ends too (found by this test on a clean clone)
@example("ab......\n")
@example("\n")
def test_the_suffix_search_near_the_end_finds_what_spacys_finds(chunk: str) -> None:
    found, expected = suffix_search(chunk), _SUFFIXES.search(chunk)
    assert (found and found.span()) == (expected and expected.span())


def test_no_suffix_rule_is_wider_than_the_suffix_width_but_a_run_of_dots() -> None:
    from re import _parser  # type: ignore[attr-defined]  # the widths of a pattern's matches

    widths = {rule: _parser.parse(rule).getwidth()[1] for rule in map(str, English.Defaults.suffixes or ())}
    assert {rule for rule, width in widths.items() if width > SUFFIX_WIDTH} == {r"\.\.+"}
    assert max(width for rule, width in widths.items() if rule != r"\.\.+") == SUFFIX_WIDTH  # the narrowest that does


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SUFFIX_PIECES), max_size=12).map("".join), max_size=30).map(" ".join))
def test_the_long_chunk_tokenizer_tokenizes_as_spacy_does(text: str) -> None:
    tokens = _long_chunk_tokenizer(pipeline())(text).to_array([ORTH, IDX, SPACY]).tolist()
    assert tokens == _tokens(_PLAIN, text)


def _token_texts(text: str) -> list[tuple[str, int]]:
    nlp = pipeline()
    [array] = token_arrays(nlp, [text])
    return [(nlp.vocab.strings[int(orth)], int(start)) for orth, start in array]


def test_a_text_with_a_long_chunk_is_analyzed_as_spacy_tokenizes_it() -> None:
    text = "Apply at https://example.com/careers/" + "product-manager-" * 8 + "apply?id=7 today."
    assert max(map(len, text.split())) > LONG_CHUNK_CHARS
    assert _token_texts(text) == [(token.text, token.idx) for token in _PLAIN(text)]


def test_a_long_chunk_is_tokenized_in_pieces() -> None:
    # Peeled one parenthesis at a time, each peel reading the rest: 10,000 took 15 s, and "1:1:1" backtracked.
    text = "Own the roadmap " + "(" * 100_000 + " now"
    assert _token_texts(text) == [("Own", 0), ("the", 4), ("roadmap", 8), *(("(", 16 + at) for at in range(100_000)), ("now", 100_017)]
    colons = _token_texts("1:" * 50_000)
    assert colons == [piece for at in range(0, 100_000, MAX_CHUNK_CHARS) for piece in ((("1:" * 100)[:-1], at), (":", at + 199))]


def test_chunk_cache_stops_at_its_limit() -> None:
    nlp = spacy.blank("en")
    cache = ChunkCache(nlp, limit=3)
    cache.warm("one two one three four five")
    cache.warm("six")
    # Three of the first text's chunks, in no set order: which ones fill the cache changes no token.
    assert len(cache.seen) == 3
    assert cache.seen < {"one", "two", "three", "four", "five"}
    assert _tokens(nlp, "one two six, e.g. five") == _tokens(spacy.blank("en"), "one two six, e.g. five")


def test_warming_tells_a_text_with_a_long_chunk_and_never_keeps_the_chunk() -> None:
    cache = ChunkCache(spacy.blank("en"), limit=3)
    link = "https://jobs.example.com/" + "a" * LONG_CHUNK_CHARS
    assert [cache.warm(text) for text in ("one two", f"see {link} now", f"one {link}", "three four five", f"{link} six")] == [False, True, True, False, True]
    assert link not in cache.seen and len(cache.seen) == 3  # the last text came after the cache was full


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "manage", "PMs", "5+ years"]), max_size=40).map(" ".join))
def test_analysis_sentences_are_the_rule_based_sentences(text: str) -> None:
    # The analysis finds sentences from the tokenizer's output alone: each must lie within one sentence of the
    # sentencizer-plus-line-breaks reference, and no two within the same one.
    (analysis,) = analyze([text])
    content = analysis.posting.content_text()
    doc = _SENTENCIZER(content)
    starts = _reference(content)
    bounds = [doc[i].idx for i, start in enumerate(starts) if start] + [len(content)]
    owners = []
    for sentence in analysis.sentences:
        owner = max(i for i, bound in enumerate(bounds) if bound <= sentence.span.start)
        assert sentence.span.end <= bounds[owner + 1]
        owners.append(owner)
    assert len(owners) == len(set(owners))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "manage", "\xa0", "\t", "\u2009", "\u3000", "\r\n", " \n ", "a\u00a0b"]), max_size=40).map("".join))
def test_sentence_spans_are_their_text_stripped(text: str) -> None:
    # The analysis finds where a sentence's text begins and ends, white space stripped, from its tokens alone:
    # each span must be a sentence of the pipeline's, stripped as str.strip does, whatever white space it holds.
    (analysis,) = analyze([text])
    content = analysis.posting.content_text()
    stripped = set()
    for sentence in pipeline()(content).sents:
        chars = content[sentence.start_char : sentence.end_char]
        if chars.strip():
            offset = sentence.start_char + chars.find(chars.strip())
            stripped.add((offset, offset + len(chars.strip())))
    spans = [(s.span.start, s.span.end) for s in analysis.sentences]
    assert set(spans) <= stripped and spans == sorted(spans)


def test_a_batch_gives_its_sentences_tokens_split() -> None:
    texts = ["Product Manager\nYou will own search. Ship it!", "", "Lead PMs.\n• Hire 3 PMs\n\n• Own the 5+ years roadmap", " "]
    postings = [next(analyze([text])).posting for text in texts]
    batch = analyze_batch(postings)
    assert batch.words == [word for a in batch.analyses for s in a.sentences for word in s.tokens.split()]
    assert batch.sizes.tolist() == [len(s.tokens.split()) for a in batch.analyses for s in a.sentences]
    assert [(a.tokens, a.sentences) for a in batch.analyses] == [(a.tokens, a.sentences) for a in analyze(postings)]
    # Past batch_size * 4 postings, a batch is analyzed in parts and put together.
    parts = analyze_batch(postings * 3, batch_size=1)
    assert parts.words == batch.words * 3 and parts.sizes.tolist() == batch.sizes.tolist() * 3
    assert [(a.tokens, a.sentences) for a in parts.analyses] == [(a.tokens, a.sentences) for a in batch.analyses] * 3


def test_a_batch_gives_no_words_where_they_are_not_its_sentences_tokens(monkeypatch) -> None:
    import dataclasses

    import jdclass.nlp as nlp_module
    from jdclass.experience import YearsRequirement
    from jdclass.spans import Span

    # A years marker on white space alone: its sentence has a word but no characters, and is left out.
    posting = next(analyze(["Product Manager\nShip it!\n   \nOwn it."])).posting
    marked = dataclasses.replace(posting, years=(YearsRequirement(5.0, None, "product_management", True, "", Span(24, 26)),))
    batch = analyze_batch([marked])
    assert batch.words is None and batch.analyses[0].tokens == "ship yoe_5 own"
    assert [s.tokens for s in batch.analyses[0].sentences] == ["ship", "own"]
    # A word that splits in two.

    class Spaced(LemmaLookup):
        def __missing__(self, word: str) -> str:
            return "road map" if word == "roadmap" else super().__missing__(word)

    spaced = Lexicon(pipeline().vocab, Spaced())
    monkeypatch.setattr(nlp_module, "_lexicon", lambda vocab: spaced)
    batch = analyze_batch([next(analyze(["Product Manager\nOwn the roadmap."])).posting])
    assert batch.words is None and batch.analyses[0].tokens == "own road map"


def _unique_texts(count: int) -> list[str]:
    return [f"Product Manager\nYou will own the roadmap for qzv{i}x and report to https://example.com/q{i}. Ref qzr-{i}." for i in range(count)]


def test_strings_met_while_analyzing_are_freed(monkeypatch):
    # The chunk cache keeps what it warms (at most MAX_CACHED_CHUNKS); with it full, a batch's new strings live only
    # in spaCy's memory zone and are gone when the batch ends.
    import jdclass.nlp as nlp_module

    nlp = pipeline()
    monkeypatch.setattr(nlp_module, "_chunk_cache", lambda _: ChunkCache(nlp, limit=0))
    (analysis,) = analyze(["Product Manager\nYou will own the qzvfreed1 roadmap."])
    assert "qzvfreed1" in analysis.tokens.split()
    assert "qzvfreed1" not in nlp.vocab.strings


def test_the_pipeline_is_built_afresh_past_max_lexemes_with_the_same_tokens(monkeypatch):
    import jdclass.nlp as nlp_module

    texts = _unique_texts(40)
    before = pipeline()
    monkeypatch.setattr(nlp_module, "MAX_LEXEMES", len(before.vocab) + 20)
    first = list(analyze(texts))
    after = pipeline()
    assert after is not before  # renewed at the end of the batch that went past the limit
    monkeypatch.setattr(nlp_module, "MAX_LEXEMES", 10**9)
    again = list(analyze(texts))
    assert [(a.tokens, a.sentences) for a in first] == [(a.tokens, a.sentences) for a in again]
    assert pipeline() is after  # under the limit, the pipeline is kept


def test_threads_analyzing_at_once_get_the_tokens_one_thread_gets():
    # Each batch runs in a spaCy memory zone; zones of two threads must not overlap, or one would free the other's strings.
    from concurrent.futures import ThreadPoolExecutor

    texts = _unique_texts(30)
    alone = [a.tokens for a in analyze(texts)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda text: next(iter(analyze([text]))).tokens, texts * 10))
    assert results == alone * 10


def test_a_vocabulary_with_every_lexical_attribute_gives_the_same_analyses(monkeypatch):
    # pipeline() computes only the lexical attributes the normalizer reads. Strings met for the first time (made-up
    # words, links, e-mail addresses, numbers, money, punctuation) get new lexemes: with any attribute missing that
    # the normalizer reads, their tokens would differ from those of spaCy's full vocabulary.
    import jdclass.nlp as nlp_module

    texts = [
        f"Senior PM\nOwn qzv{i}lattice and Qzv{i}Grid (e.g. {i}0 tickets): mail pm{i}@example.org, see https://example.net/r{i}.\n"
        f"• Budget ${i}20k–${i}40k; 1{i},000 users, the 1{i}3rd team; ref QZR-{i}9 — Ünïcode{i} £{i}5 naïve{i}. ※ Then{i} go!"
        for i in range(20)
    ]
    assert pipeline().vocab.lang == "en"  # the language is kept too
    lean = [(a.tokens, a.sentences) for a in analyze(texts)]
    full = spacy.blank("en")
    full.add_pipe("sentences")
    for string in ("qzvlex1@example.org", "https://example.net/qzvlex2", "1qzv3rd", "※", "\u2009\u3000", "QzvLex4"):  # new to both
        ours, spacys = pipeline().vocab[string], full.vocab[string]
        read = ("is_space", "is_punct", "like_url", "like_email", "like_num", "lower_")
        assert [getattr(ours, name) for name in read] == [getattr(spacys, name) for name in read], string
    monkeypatch.setattr(nlp_module, "pipeline", lambda: full)
    assert [(a.tokens, a.sentences) for a in analyze(texts)] == lean
    assert len(full.vocab.lex_attr_getters) > len(nlp_module.LEXEME_ATTRIBUTES)
