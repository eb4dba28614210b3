"""The PowerPoint deck: layout, native charts and tables, text fitting, and the package on disk.

oxml.py holds every use of python-pptx's private API.
"""
