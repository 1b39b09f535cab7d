"""Appraisal screens: the unit grid, the evaluation form, the distribution."""
