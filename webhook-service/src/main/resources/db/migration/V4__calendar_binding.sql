-- Where a calendar integration's bookings go. Checked by the API for new integrations; rows from before this
-- migration are left as they are (their events fail visibly until the binding is set).
alter table integrations
    add column branch_id  uuid,
    add column service_id uuid,
    add column staff_id   uuid;

-- What processing did when it is worth telling (e.g. a cancellation for a booking never seen): shown with the event.
alter table inbound_events add column outcome text;
