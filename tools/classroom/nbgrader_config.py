# nbgrader configuration of the course. `make assignments` copies it into classroom/,
# the nbgrader course directory (source/, release/, submitted/, autograded/, feedback/,
# gradebook.db); run every nbgrader command from there. Hub deployments add the
# exchange settings of their own (README, "For instructors").
c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "linear-classifiers"

# The release's stub: "# YOUR CODE HERE" then `...`, which runs. An untouched function
# returns None and an untouched answer stays None, so the public checks say "not
# attempted yet" and "Run All" reaches the end (nbgrader's default stub raises).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\n..."}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Autograding: every cell runs even after an error; a cell that runs longer than this
# (an endless loop) is interrupted, scored as an error, and the rest still runs.
c.Execute.timeout = 60

# Graded cells that a student deleted are put back (with a note), so they score 0
# instead of silently vanishing from the grade table.
c.OverwriteCells.add_missing_cells = True
