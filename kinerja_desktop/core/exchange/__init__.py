"""Excel packages for office and central office exchange."""
