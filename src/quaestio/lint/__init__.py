"""lint layer."""
