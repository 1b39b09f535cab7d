"""Plain records that services hand out and documents print: no database, no Qt."""
