"""netlead: a web platform for network leadership."""
