"""`handbook new`: a new handbook that builds as it is, or the full sample."""
