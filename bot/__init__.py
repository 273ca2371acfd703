"""PolicyBot core: engine, dialogue, storage, CLI."""
