"""The PostgreSQL the backend tests run against: found from $IOC_TEST_PG_URL (set by
.ci/setup.d/40-postgresql.sh), else the cluster that script makes on this machine.

Every test database is a schema of its own in that one database (made in milliseconds,
dropped with CASCADE afterwards); the backend reaches it through the URL's search_path
(``options=-csearch_path=<schema>,public``: PostGIS stays in public)."""

from __future__ import annotations

import functools
import os
import uuid

from tests.externals import require_external

ENV = "IOC_TEST_PG_URL"
LOCAL_DEFAULT = "postgresql://ioc_test:ioc_test@127.0.0.1:54329/ioc_test"
INSTALL_HINT = "source .ci/setup.d/40-postgresql.sh as root, or set IOC_TEST_PG_URL"


def base_url() -> str:
    return os.environ.get(ENV) or LOCAL_DEFAULT


@functools.cache
def _reachable() -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(base_url(), connect_timeout=3) as conn:
            return conn.execute(
                "SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is not None
    except psycopg.Error:
        return False


def require() -> None:
    """Skip (developer machine) or fail (CI) unless PostgreSQL with PostGIS answers."""
    require_external(_reachable(), f"PostgreSQL with PostGIS at {ENV}", INSTALL_HINT)


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(base_url(), autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql)


def url_for(schema: str) -> str:
    base = base_url()
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema},public"


def new_schema() -> tuple[str, str]:
    """(URL, schema name) of a new, empty schema."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    _admin(f"CREATE SCHEMA {schema}")
    return url_for(schema), schema


def drop_schema(schema: str) -> None:
    _admin(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
