"""Sentence evidence: which sentences of a posting read like the duties of which level."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from jdclass.corpus import Duty
from jdclass.education import DEGREE_WORDS, extract_education, waived_degrees
from jdclass.experience import YearsRequirement, extract_years_of_experience
from jdclass.grams import TfidfTable
from jdclass.levels import Level
from jdclass.nlp import Analysis, analyze
from jdclass.posting import parse_text
from jdclass.saving import plain_csr
from jdclass.sections import DECORATION, heading_text
from jdclass.spans import trimmed

MIN_SCORE = 0.12
MIN_TOKENS = 3


@dataclass(frozen=True)
class Evidence:
    """A sentence of the posting, the level whose duties it matches, how well, and the duty it matches best."""

    text: str
    start: int
    end: int
    level: Level
    score: float
    duty: str

    @property
    def plain(self) -> str:
        """The sentence as a reader reads it (``plain_text``); ``text`` is the posting's own, at ``start:end``."""
        return plain_text(self.text)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "plain": self.plain,
            "start": self.start,
            "end": self.end,
            "level": self.level.code,
            "score": round(self.score, 4),
            "duty": self.duty,
        }


# Markdown emphasis around words: "**Reports to:**", "*multi-year*", "__Team__" (not the "_" inside snake_case).
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_STRAY_STRONG = re.compile(r"\*{2,}")  # "Executive Leadership Team**": bold cut in two where the sentence was split


def plain_text(text: str) -> str:
    """``text`` as a reader reads it: without Markdown emphasis markers ("**Reports to:** the CPO" is "Reports to:
    the CPO"), a table row's cells, or fields set apart by pipes, joined by " · " ("| Team | 6 PMs |" is "Team · 6
    PMs"), and each run of spaces and line breaks one space."""
    if "*" in text or "_" in text:
        text = _STRAY_STRONG.sub("", _EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", text)))  # twice: "**Own _all_ of it**"
    if "|" in text:
        text = " · ".join(cell for cell in (cell.strip() for cell in text.split("|")) if cell)
    return " ".join(text.split())


def normalize_statements(statements: list[str]) -> list[str]:
    """Normalized tokens of short statements (no title detection: a duty is never a title)."""
    postings = [dataclasses.replace(parse_text(text), title=None, title_level=None) for text in statements]
    return [analysis.tokens for analysis in analyze(postings)]


_MARKER = re.compile(r"^(?:[-*•·▪]\s+|\d{1,2}[.)]\s+|#+\s+)+")


def _without_marker(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a sentence without its bullet or heading marker, and without emoji at its ends ("✅ Mentor two
    junior PMs 🙌" is "Mentor two junior PMs")."""
    marker = _MARKER.match(text[start:end])  # a slice: "^" holds only at the start of the string, not at ``pos``
    return trimmed(text, start + marker.end() if marker else start, end, DECORATION)


@dataclass(frozen=True)
class Explanation:
    """Evidence for the chosen level, for every rung, and every sentence that matches some rung's duties."""

    evidence: tuple[Evidence, ...]
    by_level: dict[Level, tuple[Evidence, ...]]
    highlights: tuple[Evidence, ...]


@dataclass(frozen=True)
class Stated:
    """What a sentence or a duty states that evidence must agree on: the years asked, each as ``(kind, low, high)``
    (kind "experience" for product management or in general, "people" for managing people, "specialty" for a
    domain or skill), a degree asked, a degree waived."""

    years: tuple[tuple[str, float, float], ...] = ()
    degree: bool = False
    waived: bool = False


_KINDS = {"people_management": "people", "specialty": "specialty"}


def _years(items: list[YearsRequirement], open_ended: float) -> tuple[tuple[str, float, float], ...]:
    """Years as ranges; "5+ years" ends at ``open_ended``: infinity for a duty (it asks at least 5), 5 for a sentence
    (the role asks 5, not more)."""
    return tuple(
        (
            _KINDS.get(item.field, "experience"),
            item.minimum or 0.0,
            item.maximum if item.maximum is not None else max(item.minimum or 0.0, open_ended),
        )
        for item in items
    )


def contradicts(sentence: Stated, duty: Stated) -> bool:
    """Whether a sentence says what a duty does not: years of a kind outside every range of that kind the duty states
    ("10+ years" against "5-8 years", "3+ years" against "10+ years"), or no degree needed against a degree asked."""
    if sentence.waived and duty.degree:
        return True
    for kind in {item[0] for item in sentence.years} & {item[0] for item in duty.years}:
        ours = [(low, high) for each, low, high in sentence.years if each == kind]
        theirs = [(low, high) for each, low, high in duty.years if each == kind]
        if not any(low <= other_high and other_low <= high for low, high in ours for other_low, other_high in theirs):
            return True
    return False


def _rivals(best: np.ndarray) -> np.ndarray:
    """For each sentence and level, the best score among the other levels (0 when there is no other level)."""
    if best.shape[1] < 2:
        return np.zeros_like(best)
    order = np.argsort(best, axis=1)
    rows = np.arange(best.shape[0])
    top, second = best[rows, order[:, -1]], best[rows, order[:, -2]]
    rivals = np.repeat(top[:, None], best.shape[1], axis=1)
    rivals[rows, order[:, -1]] = second
    return rivals


# What a matcher makes from its own parts when first asked: no part of a saved matcher.
MADE_ON_USE = ("_by_level", "_stated", "_marked_columns", "_contradicted_cache")


class DutyMatcher:
    """Scores sentences against the duty catalogue by TF-IDF cosine similarity of their normalized lemmas."""

    def __init__(self, duties: tuple[Duty, ...], background: list[str]) -> None:
        """``background`` is normalized text (e.g. corpus sentences) to learn word weights from.

        The TF-IDF is fitted with scikit-learn and kept as its ``TfidfTable``: a saved matcher loads without it.
        """
        from jdclass.vectors import token_tfidf  # scikit-learn: fitting needs it, classifying does not

        self.levels = [duty.level.code for duty in duties]  # codes, not Levels: a model file builds no Level
        self.statements = [duty.text for duty in duties]
        normalized = normalize_statements(self.statements)
        self.vectorizer = token_tfidf(ngram_range=(1, 2), sublinear_tf=True).fit(background + normalized).table()
        self.matrix = self.vectorizer.transform(normalized)

    @functools.cached_property
    def _by_level(self) -> tuple[Any, np.ndarray, np.ndarray]:
        """The duty matrix transposed (CSR, as the product wants it) with its columns laid out rung after rung, each
        rung's duties in their order and then empty columns up to the largest rung's count, so that a product's
        rows reshape to (sentence, rung, duty) and one ``argmax`` finds each rung's best duty (the per-rung column
        sets took twice as long); the duty of each column (a padding column: the rung's first, or 0), and the
        column of each duty. Made once, not at every call (0.15 ms, most of the duty scores of a single posting)."""
        ladder = Level.ladder()
        groups = [[i for i, code in enumerate(self.levels) if code == level.code] for level in ladder]
        width = max(map(len, groups), default=0) or 1
        duty_of = np.zeros(len(ladder) * width, dtype=np.int64)
        column_of = np.zeros(len(self.levels), dtype=np.int64)
        for rung, group in enumerate(groups):
            duty_of[rung * width : (rung + 1) * width] = group[0] if group else 0
            duty_of[rung * width : rung * width + len(group)] = group
            column_of[group] = np.arange(rung * width, rung * width + len(group))
        entries = self.matrix.tocoo()
        padded = sparse.csr_matrix((entries.data, (column_of[entries.row], entries.col)), shape=(len(duty_of), self.matrix.shape[1]))
        return padded.T.tocsr(), duty_of, column_of

    @classmethod
    def restored(
        cls, levels: list[str], statements: list[str], vectorizer: TfidfTable, matrix: tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, int]]
    ) -> DutyMatcher:
        """A matcher as a model file holds it (``matrix`` as CSR arrays and shape), for ``check`` to vet; no fitting."""
        matcher = cls.__new__(cls)
        matcher.levels, matcher.statements, matcher.vectorizer = levels, statements, vectorizer
        matcher.matrix = matrix
        return matcher

    def check(self) -> None:
        """A ValueError unless the duties, their TF-IDF table and their matrix are of matching sizes and kinds; the
        matrix is rebuilt from its checked arrays as a plain scipy CSR matrix."""
        codes = {level.code for level in Level.ladder()}
        if not isinstance(self.levels, list) or not all(isinstance(code, str) and code in codes for code in self.levels):
            raise ValueError("the duty matcher's levels are no ladder levels")
        if not isinstance(self.statements, list) or len(self.statements) != len(self.levels) or not all(isinstance(s, str) for s in self.statements):
            raise ValueError("the duty matcher's statements do not match its levels")
        if not all(statement.isprintable() for statement in self.statements):  # the report prints them: no line breaks or escapes
            raise ValueError("the duty matcher's statements hold control characters")
        columns = self.vectorizer.check("the duty matcher's TF-IDF")
        self.matrix = plain_csr(self.matrix, "the duty matrix", (len(self.statements), columns))

    @functools.cached_property
    def _stated(self) -> dict[int, Stated]:
        """The duties that ask years or a degree, by index, with what they ask; read once from the statements."""
        found = {}
        for i, statement in enumerate(self.statements):
            stated = Stated(_years(extract_years_of_experience(statement), math.inf), any(item.required for item in extract_education(statement)))
            if stated != Stated():
                found[i] = stated
        return found

    @functools.cached_property
    def _marked_columns(self) -> np.ndarray:
        """For each column of the vocabulary: 1 for a degree word, 2 for a years marker (``yoe_5``, ``yoemgmt_3``: a
        sentence that asks years holds one, ``nlp._year_markers``), else 0. A look-up: with ``np.isin`` instead the
        check took 15 us a posting, not 9.5."""
        vocabulary = self.vectorizer.vocabulary
        marked = np.zeros(len(vocabulary), dtype=np.int8)
        marked[[column for token, column in vocabulary.items() if token.startswith("yoe") and " " not in token]] = 2
        marked[[vocabulary[word] for word in DEGREE_WORDS if word in vocabulary]] = 1
        return marked

    def _contradictions(self, analyses: list[Analysis], vectors: Any) -> tuple[np.ndarray, np.ndarray]:
        """The (row, duty) pairs of the sentences (rows of ``vectors``, posting after posting) and the duties they
        contradict. Only the sentences whose vectors hold a years marker or a degree word are read: finding the
        sentences that state something from their text took twice as long."""
        marks = self._marked_columns[vectors.indices]
        found = np.flatnonzero(marks)
        rows = np.searchsorted(vectors.indptr, found, side="right") - 1
        degree_rows = set(rows[marks[found] == 1].tolist())
        offsets = [0, *itertools.accumulate(len(analysis.sentences) for analysis in analyses)]
        pairs_rows: list[int] = []
        pairs_duties: list[int] = []
        for row in np.unique(rows).tolist():
            k = bisect.bisect_right(offsets, row) - 1
            posting, span = analyses[k].posting, analyses[k].sentences[row - offsets[k]].span
            years = _years([item for item in posting.years if span.start <= item.span.start < span.end], 0.0)
            waived = row in degree_rows and bool(waived_degrees(span.of(posting.text)))
            duties = self._contradicted(years, waived) if years or waived else ()
            pairs_rows += [row] * len(duties)
            pairs_duties += duties
        return np.array(pairs_rows, dtype=np.int64), np.array(pairs_duties, dtype=np.int64)

    def _contradicted(self, years: tuple[tuple[str, float, float], ...], waived: bool) -> tuple[int, ...]:
        """The duties a sentence that asks ``years`` (and waives a degree) contradicts; few sentences state anything,
        fewer different things, so each answer is kept."""
        cache = self.__dict__.setdefault("_contradicted_cache", {})
        key = (years, waived)
        if key not in cache:
            stated = Stated(years, waived=waived)
            cache[key] = tuple(i for i, duty in self._stated.items() if contradicts(stated, duty))
        return cache[key]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for made in MADE_ON_USE:
            state.pop(made, None)  # made again after loading: a saved model holds only what training made
        return state

    def level_scores(self, analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
        """For each sentence and each ladder level: the best cosine similarity and the index of the duty behind it."""
        return self.level_scores_many([analysis])[0]

    def level_scores_many(self, analyses: list[Analysis], sentence_vectors: Any = None) -> list[tuple[np.ndarray, np.ndarray]]:
        """``level_scores`` for many postings, with one vectorizer call and one matrix product for all their sentences.

        ``sentence_vectors`` is ``self.vectorizer.transform`` of their sentences' tokens, posting after posting, when already made.
        """
        ladder = Level.ladder()
        sentences = [s.tokens for analysis in analyses for s in analysis.sentences]
        if not sentences:
            return [(np.zeros((0, len(ladder))), np.zeros((0, len(ladder)), dtype=int)) for _ in analyses]
        duties_t, duty_of, column_of = self._by_level
        vectors = self.vectorizer.transform(sentences) if sentence_vectors is None else sentence_vectors
        sims = (vectors @ duties_t).toarray()
        rows, duties = self._contradictions(analyses, vectors)
        sims[rows, column_of[duties]] = 0.0  # a sentence is no evidence for a duty it contradicts
        by_rung = sims.reshape(len(sentences), len(ladder), -1)
        at = by_rung.argmax(axis=2)  # the first best: a rung's duties come before its padding, in their order
        best = np.take_along_axis(by_rung, at[:, :, None], axis=2)[:, :, 0]
        which = duty_of.reshape(len(ladder), -1)[np.arange(len(ladder)), at]
        out, start = [], 0
        for analysis in analyses:
            end = start + len(analysis.sentences)
            out.append((best[start:end], which[start:end]))
            start = end
        return out

    def _scored(self, analysis: Analysis, scores: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        best, which = scores if scores is not None else self.level_scores(analysis)
        best = best.copy()
        text = analysis.posting.text
        sentences = analysis.sentences
        title = analysis.posting.title.span if analysis.posting.title is not None else None
        seen: set[str] = set()
        for i in np.flatnonzero(best.any(axis=1)).tolist():  # a sentence that matches no duty has nothing to clear
            sentence = sentences[i]
            start, end = sentence.span.start, sentence.span.end
            if (
                sentence.tokens.count(" ") + 1 < MIN_TOKENS  # tokens are joined by one space
                or heading_text(text[start:end]) is not None
                or (title is not None and title.start < title.end and title.start < end and start < title.end)  # a line, not a hire sentence
                or sentence.tokens in seen
            ):
                best[i, :] = 0.0  # headings, fragments, the title's line and a sentence said twice are not evidence
            seen.add(sentence.tokens)
        return best, which

    def _item(self, analysis: Analysis, index: int, level: Level, score: float, duty: int) -> Evidence:
        """Sentence ``index`` as evidence, without its bullet or heading marker."""
        text = analysis.posting.text
        span = analysis.sentences[index].span
        start, end = _without_marker(text, span.start, span.end)
        return Evidence(text=text[start:end], start=start, end=end, level=level, score=score, duty=self.statements[duty])

    def evidence(self, analysis: Analysis, level: Level, limit: int = 5, minimum: int = 0) -> tuple[Evidence, ...]:
        """The sentences that best match ``level``'s duties: up to ``limit`` that score at least ``MIN_SCORE``, and
        weaker ones after them up to ``minimum`` when asked (none by default: a weak match is noise, not evidence)."""
        return self.explain(analysis, level, limit, minimum).evidence

    def explain(
        self,
        analysis: Analysis,
        level: Level,
        limit: int = 5,
        minimum: int = 0,
        scores: tuple[np.ndarray, np.ndarray] | None = None,
        details: bool = True,
    ) -> Explanation:
        """Evidence for ``level``, evidence for every rung and the highlights, from one scoring of the sentences.

        ``scores`` are this posting's ``level_scores`` when already computed for a batch. ``details=False``
        gives the evidence for ``level`` alone (``by_level`` empty, no highlights).
        """
        if not analysis.sentences:
            return Explanation((), {rung: () for rung in Level.ladder()} if details else {}, ())
        best, which = self._scored(analysis, scores)
        rivals = _rivals(best)
        chosen = self._level_evidence(analysis, best, which, rivals, level, limit, minimum) if level.on_ladder else ()
        if not details:
            return Explanation(chosen, {}, ())
        by_level = {rung: self._level_evidence(analysis, best, which, rivals, rung, limit, 0) for rung in Level.ladder()}
        ladder = Level.ladder()
        columns = best.argmax(axis=1)
        highlights = []
        for i in np.flatnonzero(best[np.arange(len(best)), columns] >= MIN_SCORE).tolist():
            column = int(columns[i])
            highlights.append(self._item(analysis, i, ladder[column], float(best[i, column]), int(which[i, column])))
        return Explanation(chosen, by_level, tuple(highlights))

    def _level_evidence(
        self,
        analysis: Analysis,
        best: np.ndarray,
        which: np.ndarray,
        rivals: np.ndarray,
        level: Level,
        limit: int,
        minimum: int,
    ) -> tuple[Evidence, ...]:
        column = Level.ladder().index(level)
        own = best[:, column]
        # Sentences that read as this level more than any other come first; ties go to the closer match.
        ranking = np.lexsort((-own, own < rivals[:, column]))
        chosen = ranking[own[ranking] >= MIN_SCORE][:limit].tolist()  # in numpy: a posting has 50 sentences or so
        if len(chosen) < minimum:
            chosen += [i for i in ranking[own[ranking] > 0].tolist() if i not in chosen][: minimum - len(chosen)]
        chosen.sort(key=lambda i: -own[i])
        return tuple(self._item(analysis, i, level, float(own[i]), int(which[i, column])) for i in chosen)
