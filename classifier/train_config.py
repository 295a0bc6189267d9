"""Training settings, shared by training and the model card that records them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TrainConfig:
    use_transformer: bool = False
    folds: int = 5
    seed: int = 13
    c_text: float = 1.0
    c_embedding: float = 1.0
    combiner_l2: float = 2.0
    # Wording is a secondary signal: each text layer's clipped logit (±4) may move the
    # combiner's logit by at most cap × 4, whatever the training data rewards.
    text_weight_cap: float = 0.5
    # Calibration and the operating point, when no calibration set is given: out-of-fold
    # predictions on these training sources.  The hand-written supplement is the one set no
    # pattern was tuned on (the independent validation half was: calibrating there would fit
    # a separation the matcher learned from it).
    calibration_sources: tuple[str, ...] = ("written",)
    target_precision: float = 0.9
    calibration: str = "auto"  # platt | isotonic | auto (lower cross-validated Brier)
    # Each source's share of the training weight: the generator's 2,000 adverts must not
    # drown the hand-written ones, nor the real ordinary adverts everything else.
    source_weights: dict[str, float] = field(
        default_factory=lambda: {"synthetic": 1.0, "written": 1.0, "real": 0.5}
    )
