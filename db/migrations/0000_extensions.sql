-- Trigram search for the contacts and accounts lists.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
