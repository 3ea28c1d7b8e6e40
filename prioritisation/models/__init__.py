"""Models by concept: each module below adds its own; this package re-exports them."""
