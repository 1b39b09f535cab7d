"""Writing a package workbook with openpyxl in write-only mode."""
