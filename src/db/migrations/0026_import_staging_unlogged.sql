-- The staging rows of a history import live only for the import (they are deleted however it
-- ends): they need no write-ahead log, and a crash may drop them.
ALTER TABLE "mobility_import_rows" SET UNLOGGED;
