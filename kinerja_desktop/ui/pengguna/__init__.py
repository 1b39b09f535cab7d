"""The user accounts screen."""
