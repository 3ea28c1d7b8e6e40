"""Models by concept: each module below adds its own; this package re-exports them."""

from prioritisation.models.eligibility import OperatingFinanceReasons
from prioritisation.models.scoring import (
    AgreedScore,
    ComputedOverride,
    Perspective,
    ScaleStep,
    Score,
    ScoreSheet,
    ScoringTemplate,
)

__all__ = [
    "AgreedScore",
    "ComputedOverride",
    "OperatingFinanceReasons",
    "Perspective",
    "ScaleStep",
    "Score",
    "ScoreSheet",
    "ScoringTemplate",
]
