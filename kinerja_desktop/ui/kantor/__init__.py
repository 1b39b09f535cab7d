"""The office settings screen."""
