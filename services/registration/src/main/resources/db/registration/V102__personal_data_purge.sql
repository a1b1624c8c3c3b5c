-- A conference whose attendees are all to be erased after the event. The row is written when an operator asks or
-- the automatic purge finds the conference's time has come, and is worked off in batches by whichever instance
-- holds its lease (claimed_until, in the database's time): one erasure per attendee, each in its own transaction.
-- It stays unfinished until no attendee of the conference is left unerased, so a purge cut short by a restart
-- carries on where it stopped. Ids and times only, no personal data.
create table personal_data_purge (
    conference_id    uuid primary key,
    requested_by     text        not null check (requested_by in ('OPERATOR', 'AUTOMATIC')),
    requested_at     timestamptz not null,
    finished_at      timestamptz,
    attendees_erased integer     not null default 0,
    claimed_until    timestamptz,
    claimed_by       text
);
create index personal_data_purge_unfinished on personal_data_purge (requested_at) where finished_at is null;
