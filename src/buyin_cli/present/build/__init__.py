"""Building the briefing view, a module per part: each turns figures and the agenda into view items.

view_builder.py (one level up) assembles them into one BriefingView per briefing.
"""
