"""The backups screen."""
