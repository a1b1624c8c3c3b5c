-- The inbox: an integration event takes effect once, in the same transaction as its effect.
create table processed_integration_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

-- Consumed records that could not take effect, with their reason, until an operator replays them.
create table kafka_dead_letter (
    id             uuid primary key,
    topic          text        not null,
    partition_no   integer     not null,
    record_offset  bigint      not null,
    record_key     text,
    payload        bytea,
    headers        jsonb       not null,
    reason         text        not null,
    detail         text,
    parked_at      timestamptz not null,
    replay_attempts integer    not null default 0,
    unique (topic, partition_no, record_offset)
);
