"""Prefect flows around the mishen library: batch review of folders. `flows` imports mishen; mishen's CLI imports
`flows.batch` lazily, only in the `batch` command."""
