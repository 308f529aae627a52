"""Reading trip files: YAML read safely, checked against the declared format, built into the model.

- `yamlread`: PyYAML with limits (size, depth, nodes), line and column for every value, YAML
  1.2 scalars (so `NO` is Norway), and control and bidi characters stripped;
- `schema`: the format of a trip file, declared once (`TRIP_FILE`), and the checks it implies;
- `loader`: a file or folder in, `Trip`s and every problem (file:line:col, what, how to fix) out;
- `document`: a `Trip` back to the document a trip file holds (the JSON export, the store).

Nothing is imported here: the desk's first paint needs none of it (PyYAML comes with `loader`).
"""
