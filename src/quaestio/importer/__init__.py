"""importer layer."""
