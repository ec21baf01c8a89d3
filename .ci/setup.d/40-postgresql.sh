# PostgreSQL + PostGIS: the backend's second engine (tests/backend run against SQLite and
# PostgreSQL). A cluster of its own ("ioc" on port 54329, made with Debian's
# pg_createcluster) so it neither needs nor disturbs the machine's default cluster.
# Idempotent: installs only what is missing, creates cluster, role and database once,
# starts the cluster when it is down. Exports IOC_TEST_PG_URL for pytest.
pg_major=15
pg_port=54329
if [ ! -x "/usr/lib/postgresql/${pg_major}/bin/postgres" ] || ! command -v pg_ctlcluster >/dev/null; then
  apt_install postgresql
fi
if [ ! -f "/usr/share/postgresql/${pg_major}/extension/postgis.control" ]; then
  apt_install "postgresql-${pg_major}-postgis-3"
fi
if ! pg_lsclusters -h | awk '{print $1 " " $2}' | grep -qx "${pg_major} ioc"; then
  pg_createcluster "$pg_major" ioc --port "$pg_port" >/dev/null
fi
if ! pg_ctlcluster "$pg_major" ioc status >/dev/null 2>&1; then
  pg_ctlcluster "$pg_major" ioc start
fi
pg_sql() {  # as the cluster's superuser, over its Unix socket
  runuser -u postgres -- env PGOPTIONS=--client-min-messages=warning \
    psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@"
}
if [ "$(pg_sql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'ioc_test'")" != 1 ]; then
  pg_sql -c "CREATE ROLE ioc_test LOGIN PASSWORD 'ioc_test'"
fi
if [ "$(pg_sql -tAc "SELECT 1 FROM pg_database WHERE datname = 'ioc_test'")" != 1 ]; then
  pg_sql -c "CREATE DATABASE ioc_test OWNER ioc_test"
fi
# PostGIS is not a trusted extension: the superuser installs it once; each test then works
# in a schema of its own inside this database (tests/backend/pg.py).
pg_sql -d ioc_test -c "CREATE EXTENSION IF NOT EXISTS postgis"
export IOC_TEST_PG_URL="postgresql://ioc_test:ioc_test@127.0.0.1:${pg_port}/ioc_test"
unset pg_major pg_port
