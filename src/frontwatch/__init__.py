"""frontwatch: who did what where and when, and who holds which place, from conflict reporting."""

__version__ = "0.1.0"

__all__ = ["__version__"]
