"""The course's maintenance tools, run from the repository root as modules
(``python -m tools.classroom.build_site``) or scripts (``python tools/execute_notebooks.py``)."""
