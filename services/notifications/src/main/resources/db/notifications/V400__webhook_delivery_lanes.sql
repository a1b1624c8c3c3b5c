-- The claim finds the first due delivery of each webhook that has none in flight from these two alone (a loose
-- index scan over the webhooks with pending deliveries, then one probe per webhook), instead of ranking every
-- pending delivery on every poll: a ticket rush queues thousands per webhook.
create index webhook_delivery_lane on webhook_delivery (webhook_id, next_attempt_at, delivery_id)
    where status = 'PENDING';
create index webhook_delivery_in_flight on webhook_delivery (webhook_id, claimed_until)
    where status = 'PENDING' and claimed_until is not null;
