"""Alembic migration scripts of the database schema."""
