-- The retention sweep (common's ProcessedEventsRetention) finds the oldest handled events through this index instead of
-- reading the whole table each batch. Built without CONCURRENTLY (Flyway runs a migration in a transaction): on a large
-- live table, create it by hand with CONCURRENTLY first; the migration then finds it.
create index if not exists processed_events_processed_at_idx on processed_events (processed_at);
