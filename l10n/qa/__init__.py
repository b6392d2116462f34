"""Quality checks: each is a function from segments and target texts to Issues."""
