"""The readiness review: what in a valid strategy would lose the room, scored by buy-in method.

A new rule goes in its method's module in checks/, with its code in codes.py.
"""
