-- Whose data a delivery carries (the attendee its event is about, if any), so that an erasure finds the bodies to
-- scrub, and the person's export the deliveries about them, without reading every body.
alter table webhook_delivery add column attendee_id uuid;
update webhook_delivery set attendee_id = cast(cast(payload as jsonb) #>> '{data,attendeeId}' as uuid);
create index webhook_delivery_by_attendee on webhook_delivery (attendee_id) where attendee_id is not null;
