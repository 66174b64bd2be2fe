"""Commands that are not the build pipeline: one module each."""
