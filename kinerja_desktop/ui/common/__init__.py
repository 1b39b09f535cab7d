"""Widgets, models and helpers that several screens share."""
