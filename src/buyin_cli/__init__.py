"""buyin: win management buy-in for learning, from strategy files kept in git."""

__version__ = "0.1.0"
