"""Models by concept: each module below adds its own; this package re-exports them."""

from prioritisation.models.eligibility import OperatingFinanceReasons

__all__ = ["OperatingFinanceReasons"]
