"""Reading a strategy: its files, the YAML (bounded, every value located), the models, the relations.

The entry point is `strategy.load_strategy`; everything after this stage receives
a valid `LoadedStrategy`. Only this stage (and the deck outline's parser) imports yaml.
"""
