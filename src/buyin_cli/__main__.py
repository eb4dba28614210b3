"""Allow `python -m buyin_cli`."""

from buyin_cli.cli import main

main()
