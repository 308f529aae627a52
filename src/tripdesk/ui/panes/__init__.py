"""The main screen's three panes: the city list, the timeline and the detail, and
the bordered frame they share (`base`)."""
