-- Who the mail goes to: the address from registration's contacts topic (only notifications may read it). Name,
-- conference name and time zone come from the platform's directory replica.
create table mail_recipient (
    attendee_id   uuid primary key,
    conference_id uuid not null,
    email         text not null
);

-- What the mails talk about, replicated from the other services' events.
create table mail_shift (
    shift_id      uuid primary key,
    conference_id uuid        not null,
    title         text        not null,
    location      text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null
);

create table mail_dinner (
    dinner_id     uuid primary key,
    conference_id uuid        not null,
    name          text        not null,
    starts_at     timestamptz not null
);

create table mail_sprint (
    sprint_id     uuid primary key,
    conference_id uuid not null,
    project       text not null
);

-- The mail outbox (a DeliveryQueue): one row per (integration event, kind), written in the transaction that records
-- the event as processed and rendered when it is sent, so that every mail names the conference as it is then.
-- next_attempt_at is null while the attendee's address is not known yet (the contacts topic is read apart from the
-- others) and for a row that is done; due_at is when the mail is meant to go (a shift's start minus the reminder's
-- lead), subject_id the shift, dinner or sprint it is about, deadline a dinner hold's end. A sent row's
-- last_attempt_at is when it was sent; a reminder whose shift the attendee left is CANCELLED.
create table mail_message (
    message_id       uuid primary key,
    conference_id    uuid        not null,
    attendee_id      uuid        not null,
    kind             text        not null,
    event_id         uuid        not null,
    subject_id       uuid,
    deadline         timestamptz,
    status           text        not null,
    due_at           timestamptz not null,
    attempts         integer     not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz,
    claimed_until    timestamptz,
    claimed_by       text,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    unique (event_id, kind)
);
create index mail_message_due on mail_message (next_attempt_at) where status = 'PENDING';
create index mail_message_by_attendee on mail_message (conference_id, attendee_id, created_at, message_id);
