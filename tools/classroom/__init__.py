"""What an instructor builds from the notebooks: the course map (``course``), the nbgrader
course directory (``build_assignments``), the offline slides (``build_slides``) and the
static site (``build_site``), plus the authoring helpers for graded cells (``problem_cells``).
Run each builder from the repository root: ``python -m tools.classroom.build_slides --out slides``."""
