"""Reading a package workbook with python-calamine, with every problem found on the way."""
