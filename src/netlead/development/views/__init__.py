"""Pages of leader development, one module per part."""
