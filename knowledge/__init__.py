"""The knowledge staff edit (YAML), its schema and loader."""
