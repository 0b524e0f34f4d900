"""One module per area: leader_networks, curricula, cohorts, mentoring, alumni."""
