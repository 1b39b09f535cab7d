"""The monitoring screen."""
