"""Planning an import: what a package would change, row by row, before anything is written."""
