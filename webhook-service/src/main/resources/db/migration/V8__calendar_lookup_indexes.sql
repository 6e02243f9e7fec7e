-- Processing a calendar event asks the inbox about the same booking's other events: a creation whether a move of the
-- booking (Cal.com names the old uid in payload.rescheduleUid) was processed before it, a move of an unknown booking
-- whether the booking had any other event. Neither could use an index (the old uid was read out of each body, the
-- dedupe key compared by substring), so each read every event of the integration: a parallel scan of the whole inbox,
-- 0.8-1.3 s per calendar event once an integration had 300 000 events, growing with the inbox.
-- The moved uid is kept beside the body, as the acknowledgement reads it, and both questions get an index that holds
-- only calendar rows, so acknowledging a call event pays nothing for them.
-- Not built concurrently, as in V6: on a large live inbox create the two indexes by hand with CONCURRENTLY first.
alter table inbound_events add column reschedule_uid text;

do $$
declare
    event record;
begin
    for event in select id, body from inbound_events
                 where provider = 'calendar' and event_type = 'BOOKING_RESCHEDULED' and body is json object
    loop
        begin
            -- As the acknowledgement reads it: a string that is not blank, else nothing.
            update inbound_events
            set reschedule_uid = case
                    when json_typeof(cast(event.body as json) -> 'payload' -> 'rescheduleUid') = 'string'
                         and btrim(cast(event.body as json) -> 'payload' ->> 'rescheduleUid') <> ''
                        then cast(event.body as json) -> 'payload' ->> 'rescheduleUid'
                end
            where id = event.id;
        exception when untranslatable_character or invalid_text_representation then
            -- A uid PostgreSQL cannot turn into text (an escaped NUL) stays unknown rather than stopping the upgrade.
            null;
        end;
    end loop;
end
$$;

create index if not exists inbound_events_reschedule_uid_idx on inbound_events (integration_id, reschedule_uid)
    where reschedule_uid is not null;
create index if not exists inbound_events_calendar_uid_idx
    on inbound_events (integration_id, split_part(dedupe_key, ':', 1))
    where provider = 'calendar';
