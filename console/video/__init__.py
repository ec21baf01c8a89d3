"""Live camera video: decoder threads (one per stream) that hand the GUI only the latest
frame. Qt-free; widgets/cameras/ draws the frames."""
