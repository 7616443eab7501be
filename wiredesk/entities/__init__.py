"""Named entities: recognition, resolution within an article, linking across articles."""
