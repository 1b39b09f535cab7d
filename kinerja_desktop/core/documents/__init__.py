"""ReportLab forms: layout helpers and one module per official form."""
