import numpy as np
import pytest

from jdclass.metrics import confusion_text, expected_calibration_error, ladder_kappa, mean_rung_error, pm_detection_f1, summary, within_one

TRUTH = ["APM", "PM", "SPM", "DIR", "OTHER"]
PRED = ["PM", "PM", "DIR", "DIR", "PM"]


def test_within_one_counts_adjacent_rungs_and_requires_exact_other():
    # APM->PM (1), PM->PM (0), SPM->DIR (1), DIR->DIR (0): 4 hits; OTHER->PM is a miss.
    assert within_one(TRUTH, PRED) == pytest.approx(4 / 5)


def test_mean_rung_error_uses_ladder_pairs_only():
    assert mean_rung_error(TRUTH, PRED) == pytest.approx((1 + 0 + 1 + 0) / 4)


def test_quadratic_kappa_by_hand():
    # Rungs truth [0, 1, 2, 3], predicted [1, 1, 3, 3], six labels 0..5.
    # Weights w_ij = (i-j)^2 / 25. Observed: pairs (0,1),(1,1),(2,3),(3,3) -> sum w*O = (1 + 0 + 1 + 0)/25 / 4 = 0.02.
    # Expected from marginals: truth p=1/4 at 0,1,2,3; pred p=1/2 at 1 and 3.
    # E = sum_i sum_j pt_i pp_j (i-j)^2/25 = (1/8)*[(1+9) + (0+4) + (1+1) + (4+0)]/25 = (1/8)*20/25 = 0.1.
    assert ladder_kappa(TRUTH, PRED) == pytest.approx(1 - 0.02 / 0.1)


def test_other_detection_f1():
    # One OTHER in truth, predicted PM: no true positive.
    assert pm_detection_f1(TRUTH, PRED) == 0.0
    assert pm_detection_f1(["OTHER", "PM", "OTHER"], ["OTHER", "OTHER", "OTHER"]) == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert pm_detection_f1(["PM"], ["PM"]) is None


def test_expected_calibration_error_by_hand():
    probabilities = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.6, 0.4]])
    # Bin (0.8, 0.9]: confidence 0.9, both right -> gap 0.1, weight 1/2. Bin (0.5, 0.6]: confidence 0.6, one of two right -> gap 0.1.
    assert expected_calibration_error(probabilities, [0, 0, 0, 1]) == pytest.approx(0.1)


def test_summary_and_confusion_text():
    figures = summary(TRUTH, PRED)
    assert figures["n"] == 5
    assert figures["accuracy"] == pytest.approx(2 / 5)
    assert confusion_text(["PM", "SPM"], ["PM", "PM"]) == "truth\\pred     PM   SPM\nPM              1     0\nSPM             1     0"
