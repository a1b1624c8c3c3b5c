-- One data key per person (crypto-shredding): their personal data in the event store, snapshots included, is
-- sealed under it. Erasure sets data_key to null and keeps the row, so that nothing of theirs is ever sealed
-- under a new key; the table holds keys and ids, never personal data in plain text.
create table personal_data_key (
    subject    text primary key,
    data_key   bytea,
    created_at timestamptz not null,
    erased_at  timestamptz,
    check ((data_key is null) = (erased_at is not null))
);

-- Keys are made in the order the persons' first events are written, so a stream of events (a replay, a processor
-- catching up) reads them ahead in that order.
create index personal_data_key_created on personal_data_key (created_at, subject);
