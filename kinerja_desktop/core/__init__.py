"""Everything that is true without a screen: rules, database, services, exchange, documents."""
