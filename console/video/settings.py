"""How the console asks for live video ([video] in settings.toml).

    [video]
    fps = 25            # what the backend's MJPEG streams are asked for
    width = 640
    height = 360
    # cameras that the console reads directly rather than through the backend, as
    # "camera id=URL" (RTSP with H.264, or MJPEG over HTTP):
    camera_urls = ["cam-001=rtsp://192.0.2.10:554/stream1"]

A direct camera is never sent the backend's bearer token (it is not the backend); a
password in its URL stays out of logs and messages (VideoSource.safe_url).
"""

from __future__ import annotations

from dataclasses import dataclass

DIRECT_SCHEMES = ("rtsp://", "rtsps://", "http://", "https://")


@dataclass(frozen=True, slots=True)
class VideoSettings:
    fps: int = 25
    width: int = 640
    height: int = 360
    camera_urls: tuple[str, ...] = ()

    def direct_url(self, camera_id: str) -> str | None:
        """The camera's own stream URL when configured, else None (ask the backend)."""
        for entry in self.camera_urls:
            key, sep, url = entry.partition("=")
            if sep and key.strip() == camera_id:
                return url.strip()
        return None


def camera_urls_problem(entries: object) -> str | None:
    """Why a `camera_urls` value is not usable (None: it is)."""
    for entry in entries if isinstance(entries, tuple | list) else [entries]:
        if not isinstance(entry, str):
            return f"{entry!r} is not text"
        key, sep, url = entry.partition("=")
        if not sep or not key.strip() or not url.strip().startswith(DIRECT_SCHEMES):
            return (f"{entry.split('@')[-1]!r}: expected \"camera id=URL\" with an "
                    "rtsp://, rtsps://, http:// or https:// URL")
    return None
