"""A central office's PostgreSQL server: the settings the data folder keeps, and the connection test."""
