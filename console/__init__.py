"""IOC Console application core: domain model, sources, live update, stores. No QtWidgets."""

__version__ = "0.1.0"
