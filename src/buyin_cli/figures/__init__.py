"""The figures every output agrees on (compute.py), their working (explain.py) and their JSON.

A new figure is computed in compute.py, explained in explain.py and exported in export.py.
"""
