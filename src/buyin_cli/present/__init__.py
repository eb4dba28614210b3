"""Figures and problems written for people: numbers in the locale, the briefing view, the terminal.

The briefing view (view.py, built by view_builder.py) is what the templates receive.
"""
