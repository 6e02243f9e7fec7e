-- The claim also takes back events whose lease ran out ('processing'); an index without them does not cover the
-- claim's condition, so every claim read the whole inbox (15 ms at 54k rows, growing). Done, ignored and dead
-- rows, nearly all of a busy inbox, stay outside.
drop index inbound_events_due_idx;
create index inbound_events_due_idx on inbound_events (priority, received_at)
    where status in ('received', 'failed', 'processing');
