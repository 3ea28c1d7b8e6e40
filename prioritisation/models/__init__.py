"""Models by concept: each module below adds its own; this package re-exports them."""

from prioritisation.models.scoring import (  # noqa: F401
    AgreedScore,
    ComputedOverride,
    Perspective,
    ScaleStep,
    Score,
    ScoreSheet,
    ScoringTemplate,
)
