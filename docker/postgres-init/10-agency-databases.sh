#!/usr/bin/env bash
# One role and one database per agency, created by the postgres image on its first start (only when
# the data directory is empty: scripts in /docker-entrypoint-initdb.d never run again).
#
# Each subgraph logs in as its own role, which owns its own database and nothing else; CONNECT is
# revoked from PUBLIC, so no subgraph can open another agency's database (DESIGN §1: in development
# one cluster holds six databases; in production each agency has its own server).
#
# The image may run this file or source it: no `exit`, no `set -u`.
set -e

agencies="governance justice court police procuratorate petition"
password="${JIEFEN_DB_PASSWORD:?JIEFEN_DB_PASSWORD must be set for the agency roles}"

for agency in $agencies; do
  echo "jiefen: role and database \"$agency\""
  psql -v ON_ERROR_STOP=1 --no-password --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v agency="$agency" -v password="$password" <<'SQL'
CREATE ROLE :"agency" LOGIN PASSWORD :'password';
CREATE DATABASE :"agency" OWNER :"agency";
REVOKE ALL ON DATABASE :"agency" FROM PUBLIC;
SQL
done
