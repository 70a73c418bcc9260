#!/bin/bash
# Runs once when the PostgreSQL container initialises its data folder: the schema owner (migrations) and the
# application role (the web app), so the database can refuse the app what it must never do.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE portal_owner LOGIN PASSWORD '${PORTAL_OWNER_PASSWORD}';
CREATE ROLE portal_app LOGIN PASSWORD '${PORTAL_APP_PASSWORD}';
CREATE DATABASE patenttransfer OWNER portal_owner ENCODING 'UTF8';
SQL
