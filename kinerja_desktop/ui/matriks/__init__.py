"""The matriks peran hasil screen."""
