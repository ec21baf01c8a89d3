"""The shift report's pictures (map page, charts) and its PDF / HTML files."""
