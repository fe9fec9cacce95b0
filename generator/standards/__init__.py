"""Standards: editions of numbered clauses with rubrics. model → load → check → catalog (status by date, edition in force) → compare → pages; CODEOWNERS from their owners."""
