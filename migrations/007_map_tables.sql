-- The partnership map's innermost ring: an actor that sits at one of the project's partnership tables.
ALTER TABLE map_actors ADD COLUMN table_id INTEGER REFERENCES partnership_tables(id) ON DELETE SET NULL;
