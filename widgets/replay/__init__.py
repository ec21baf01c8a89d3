"""Review-mode widgets: the time slider dock and the export menu."""
