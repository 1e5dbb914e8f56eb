"""``python -m referat_parser`` runs the ``referat`` command (useful where scripts are not on PATH)."""

from .cli import main

if __name__ == "__main__":
    main()
