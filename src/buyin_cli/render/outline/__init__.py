"""The deck outline: what a rendered deck template says each slide holds, and its parser.

The Jinja deck template renders YAML in this shape (model.py); every word on a
slide comes from it, parse.py reads it back with one located message for any
mistake, and schedule.py shares the meeting's minutes among the presented slides.
The renderer in pptx/ only lays it out.
"""

from buyin_cli.render.outline.model import Bullet, Chart, Link, Meta, Outline, Series, Slide, Table
from buyin_cli.render.outline.parse import parse_outline

__all__ = ["Bullet", "Chart", "Link", "Meta", "Outline", "Series", "Slide", "Table",
           "parse_outline"]
