"""Pages of a network, one module per part: network, members, charter, results, phase."""
