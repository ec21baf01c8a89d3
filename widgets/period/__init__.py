"""File › Open archive and File › Open period: review any past period."""
