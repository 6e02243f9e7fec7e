-- A row Kafka refuses on its own (too large, an invalid topic, a permanent error) would hold back every event behind it
-- for ever, since the relay keeps the order and stops at the first failure of a batch. It is counted and, after
-- callbook.outbox.park-after such attempts, parked: set aside, alerted on, and kept for an operator to fix and release
-- (update outbox set parked_at = null, attempts = 0 where ...). A Kafka outage counts no attempts.
-- A constant default and nullable columns: adding them rewrites nothing.
alter table outbox
    add column attempts   int not null default 0,
    add column last_error text,
    add column parked_at  timestamptz;
