"""`make bench`: accuracy on the corpus and the real postings beside baselines, and speed, into docs/benchmarks.md."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from jdclass.corpus import DEFAULT_CORPUS, load_corpus
from jdclass.evaluation import LabelledPosting, compare, load_labelled, model_predictions
from jdclass.metrics import summary
from jdclass.model import LevelClassifier, build_pipeline, corpus_posting, load
from jdclass.nlp import analyze
from jdclass.posting import parse_text

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
FIGURES = ("accuracy", "macro_f1", "within_one", "mean_rung_error", "kappa", "other_f1")


def _fmt(value: object) -> str:
    return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def table(results: dict[str, dict[str, float | int | None]]) -> list[str]:
    lines = ["| model | n | " + " | ".join(FIGURES) + " |", "|---|---|" + "---|" * len(FIGURES)]
    for name, figures in results.items():
        lines.append(f"| {name} | {figures['n']} | " + " | ".join(_fmt(figures[key]) for key in FIGURES) + " |")
    return lines


def text_only_predictions(rows: list[LabelledPosting]) -> list[str]:
    """The same model without the parsed fields, trained on the same corpus, content only."""
    corpus = load_corpus(DEFAULT_CORPUS)
    analyses = list(analyze([corpus_posting(item) for item in corpus.postings]))
    pipeline = build_pipeline(fields=False).fit(analyses, [item.level.code for item in corpus.postings])
    return [str(code) for code in pipeline.predict(list(analyze([parse_text(row.text) for row in rows])))]


def accuracy_section(classifier: LevelClassifier) -> list[str]:
    manifest = classifier.manifest
    lines = ["## Accuracy", "", f"### Corpus, {manifest['cv_folds']}-fold stratified cross-validation (seed {manifest['seed']})", ""]
    lines += table({"jdclass": manifest["cv_metrics"]})
    files = [EVAL / "real_pm_postings.jsonl", EVAL / "real_pm_postings_senior.jsonl"]
    if not all(path.is_file() for path in files):
        return lines + ["", "Real postings: ../shared/eval is not present; not measured."]
    corpus = load_corpus(DEFAULT_CORPUS)
    pm_rows = [row for path in files for row in load_labelled(path)]
    negatives = load_labelled(EVAL / "real_negatives.jsonl")
    lines += ["", f"### Real PM postings ({len(pm_rows)}), content only (the title field left out)", ""]
    lines += table(compare(classifier, corpus, pm_rows))
    truth = [row.level for row in pm_rows]
    lines += ["", "What the parsed fields add (same rows, content only):", ""]
    lines += table(
        {
            "jdclass, text + fields": summary(truth, model_predictions(classifier, pm_rows, False)),
            "jdclass, text only": summary(truth, text_only_predictions(pm_rows)),
        }
    )
    lines += ["", f"### Real PM postings plus {len(negatives)} real negatives (OTHER), content only", ""]
    lines += table(compare(classifier, corpus, pm_rows + negatives))
    lines += ["", f"### Real PM postings ({len(pm_rows)}), with the title given", ""]
    lines += table(compare(classifier, corpus, pm_rows, with_title=True))
    return lines


def speed_section(classifier: LevelClassifier, sample: Path) -> list[str]:
    corpus = load_corpus(DEFAULT_CORPUS)
    texts = [item.text for item in corpus.postings]
    batch = (texts * (1000 // len(texts) + 1))[:1000]
    start = time.perf_counter()
    for _ in classifier.classify_many(batch):
        pass
    ours = time.perf_counter() - start
    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LogisticRegression(max_iter=5000))
    baseline.fit(texts, [item.level.code for item in corpus.postings])
    start = time.perf_counter()
    baseline.predict_proba(batch)
    plain = time.perf_counter() - start
    megabyte = ("Senior Product Manager. 5+ years of product management experience. Reports to the VP of Product.\n" * 11000)[:1_000_000]
    start = time.perf_counter()
    parse_text(megabyte)
    parse_seconds = time.perf_counter() - start
    cold = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "jdclass", "classify", str(sample)], check=True, capture_output=True)
        cold.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        "## Speed and memory",
        "",
        "| measure | figure |",
        "|---|---|",
        f"| cold start, `python -m jdclass classify {sample.relative_to(ROOT)}` (whole process, median of 3) | {statistics.median(cold):.2f} s |",
        f"| in-process, 1,000 corpus postings through `classify_many` (parse, spaCy, model, evidence) | {1000 / ours:.0f} postings/s |",
        f"| plain TF-IDF + logistic regression, same 1,000 postings, same process | {1000 / plain:.0f} postings/s |",
        f"| ratio of time per posting, jdclass / plain baseline | {ours / plain:.1f}x |",
        f"| parse 1 MB of text (`jdclass.parse`) | {parse_seconds:.2f} s |",
        f"| peak resident memory of the benchmark process | {peak_mb:.0f} MB |",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    classifier = load()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m jdclass.bench --out docs/benchmarks.md`); every figure below was measured by that run.",
        (
            f"Date: {date.today().isoformat()}. Machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}. Model: {classifier.version}."
        ),
        "",
        (
            "Figures: accuracy (exact), macro-F1 over the levels present, within one rung (OTHER must match exactly), "
            "mean rung error (ladder pairs only), quadratic-weighted kappa (ladder pairs only), OTHER-vs-PM F1 (OTHER positive)."
        ),
        "",
    ]
    lines += accuracy_section(classifier)
    lines += [""] + speed_section(classifier, ROOT / "docs" / "examples" / "senior-pm.md") + [""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
