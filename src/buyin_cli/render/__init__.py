"""Output files: the Jinja templates, the deck outline they render, atomic writes; pptx/ the deck.

A new slide is a block in the deck template (templates/deck_base.yaml.j2); what
a slide can hold is outline.py; how it is laid out is pptx/.
"""
