"""The per-user settings file (TOML), which an administrator can also deploy.

Location: platformdirs user config dir / settings.toml (e.g. ~/.config/ioc-console/).
Every key maps onto a field of `console.settings.Settings` (sections are nested
dataclasses: [poll], [http], [vms] ...). Loading is forgiving in a precise way: each
invalid or unknown key is reported with its reason and skipped, so the previous good
value stays; one bad line never stops a 24/7 console from starting.

Secrets never live here: a `token` key is refused (use the OS keyring or IOC_TOKEN).
"""

from __future__ import annotations

import math
import tomllib
import types
import typing
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs

from console.video.settings import camera_urls_problem

APP_NAME = "ioc-console"
FORBIDDEN = {
    "token": "tokens are never stored in the settings file; use the OS keyring "
    "or the IOC_TOKEN environment variable"
}


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def _validators() -> dict[str, typing.Callable[[Any], str | None]]:
    """Field-specific rules beyond the type (return an error message or None)."""

    def url(v: Any) -> str | None:
        return (
            None
            if v is None or str(v).startswith(("http://", "https://"))
            else ("must start with http:// or https://")
        )

    def readable_file(v: Any) -> str | None:
        if v is None:
            return None
        path = Path(v).expanduser()
        return None if path.is_file() else f"no such file: {path}"

    def crs(v: Any) -> str | None:
        from pyproj import CRS
        from pyproj.exceptions import CRSError

        try:
            CRS.from_user_input(v)
        except CRSError:
            return f"unknown CRS {v!r}"
        return None

    return {
        "backend_url": url,
        "language": lambda v: None if v in ("vi", "en") else "must be 'vi' or 'en'",
        "theme": lambda v: None if v in ("light", "dark") else "must be 'light' or 'dark'",
        "font_scale": lambda v: None if 0.75 <= v <= 2.5 else "must be between 0.75 and 2.5",
        "local_grid_crs": crs,
        "distance_unit": lambda v: None if v in ("km", "nm") else "must be 'km' or 'nm'",
        "rules_file": readable_file,
        "zones_file": readable_file,
        "camera_urls": camera_urls_problem,
        "fps": lambda v: None if 1 <= v <= 30 else "must be between 1 and 30",
    }


def _check_type(hint: Any, value: Any) -> tuple[bool, Any]:
    """Is `value` acceptable for a field annotated `hint`? Returns (ok, converted)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if value is None and type(None) in args:
            return True, None
        for arg in args:
            if arg is not type(None):
                ok, converted = _check_type(arg, value)
                if ok:
                    return True, converted
        return False, value
    if hint is bool:
        return isinstance(value, bool), value
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        return ok, float(value) if ok else value
    if hint is str:
        return isinstance(value, str), value
    if origin is tuple and isinstance(value, list):
        return True, tuple(value)
    return False, value


def apply_overrides(obj: Any, data: dict[str, Any], path: str = "") -> tuple[Any, list[str]]:
    """A copy of dataclass `obj` with the valid keys of `data` applied, and the errors."""
    hints = typing.get_type_hints(type(obj))
    names = {f.name for f in fields(obj)}
    validators = _validators()
    changes: dict[str, Any] = {}
    errors: list[str] = []
    for key, value in data.items():
        where = f"{path}{key}"
        if key in FORBIDDEN:
            errors.append(f"{where}: {FORBIDDEN[key]}")
            continue
        if key not in names:
            errors.append(f"{where}: unknown setting")
            continue
        current = getattr(obj, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                errors.append(f"{where}: must be a section [{where}]")
                continue
            changes[key], sub_errors = apply_overrides(current, value, f"{where}.")
            errors += sub_errors
            continue
        ok, converted = _check_type(hints[key], value)
        if not ok:
            errors.append(f"{where}: {value!r} is not a valid {_type_name(hints[key])}")
            continue
        if isinstance(converted, float) and converted < 0:
            errors.append(f"{where}: must not be negative")
            continue
        problem = validators.get(key, lambda _v: None)(converted)
        if problem:
            errors.append(f"{where}: {problem}")
            continue
        changes[key] = converted
    return replace(obj, **changes), errors


def _type_name(hint: Any) -> str:
    return getattr(hint, "__name__", str(hint))


def load(settings: Any, path: Path | None = None) -> tuple[Any, list[str]]:
    """Settings with the file applied (missing file: unchanged, no error)."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return settings, [f"{path}: cannot read settings ({exc}); defaults used"]
    new, errors = apply_overrides(settings, data)
    return new, [f"{path}: {e}" for e in errors]


def _differences(obj: Any, default: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        if f.name in FORBIDDEN:
            continue
        value, base = getattr(obj, f.name), getattr(default, f.name)
        if is_dataclass(value):
            sub = _differences(value, base)
            if sub:
                out[f.name] = sub
        elif value != base and value is not None:
            out[f.name] = value
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def dumps(settings: Any, default: Any) -> str:
    """TOML text of what differs from the defaults (scalars first, then sections)."""
    diff = _differences(settings, default)
    lines = ["# IOC Console settings (written by the console; administrators may edit)"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in diff.items() if not isinstance(v, dict)]
    for section, values in diff.items():
        if isinstance(values, dict):
            lines.append(f"\n[{section}]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in values.items()]
    return "\n".join(lines) + "\n"


def save(settings: Any, default: Any, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dumps(settings, default), encoding="utf-8")
    tmp.replace(path)
    return path
