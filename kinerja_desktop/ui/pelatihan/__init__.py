"""The training hours (JP) screen."""
