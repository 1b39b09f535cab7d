"""Widgets and models of the realisation, monitoring and matriks peran hasil pages."""
