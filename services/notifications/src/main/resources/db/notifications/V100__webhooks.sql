-- The webhooks as organizers see them and as the outbox fans events out to them; projected from the Webhook
-- aggregate's events in the command's transaction.
create table webhook_view (
    webhook_id    uuid primary key,
    conference_id uuid        not null,
    url           text        not null,
    event_types   text[]      not null,
    secret        text        not null,
    enabled       boolean     not null,
    registered_at timestamptz not null,
    disabled_at   timestamptz
);
create index webhook_by_conference on webhook_view (conference_id, registered_at, webhook_id);

-- The outbox: one row per (webhook, integration event), written in the transaction that records the event as
-- processed, and worked off by the delivery worker. The lease (claimed_until, claimed_by) is what keeps two
-- instances from sending one delivery at the same time; a worker that died leaves a lease that simply runs out.
create table webhook_delivery (
    delivery_id      uuid primary key,
    -- no foreign key: the webhook view can be rebuilt (emptied and replayed) while its deliveries stay
    webhook_id       uuid        not null,
    conference_id    uuid        not null,
    event_id         uuid        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null,
    attempts         integer     not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz,
    claimed_until    timestamptz,
    claimed_by       text,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, created_at desc, delivery_id);
