create table dinner_view (
    dinner_id     uuid primary key,
    conference_id uuid        not null,
    name          text        not null,
    venue         text        not null,
    starts_at     timestamptz not null,
    -- as the organizer wrote it, offset included
    starts_at_local text      not null,
    seats         integer     not null,
    price_cents   bigint      not null,
    currency      text        not null,
    held          integer     not null default 0,
    sold          integer     not null default 0,
    waitlisted    integer     not null default 0,
    -- the aggregate keeps this; the view refuses to show anything else
    check (held >= 0 and sold >= 0 and waitlisted >= 0 and held + sold <= seats)
);
create index dinner_by_conference on dinner_view (conference_id);

create table dinner_ticket (
    ticket_id        uuid primary key,
    dinner_id        uuid        not null,
    conference_id    uuid        not null,
    attendee_id      uuid        not null,
    status           text        not null,
    hold_expires_at  timestamptz,
    requested_at     timestamptz not null,
    -- the request's place in the dinner's history: the waiting list's order
    request_sequence bigint      not null,
    refund_due       boolean     not null default false
);
-- One live ticket per attendee and dinner.
create unique index one_live_ticket on dinner_ticket (dinner_id, attendee_id)
    where status in ('HELD', 'WAITLISTED', 'CONFIRMED');
create index waiting_list on dinner_ticket (dinner_id, request_sequence) where status = 'WAITLISTED';
create index live_tickets_of_attendee on dinner_ticket (attendee_id)
    where status in ('HELD', 'WAITLISTED', 'CONFIRMED');

create table dinner_ticket_dietary (
    ticket_id   uuid    not null references dinner_ticket (ticket_id),
    position    integer not null,
    requirement text    not null,
    primary key (ticket_id, position)
);

-- The first answer to a request made with an Idempotency-Key, for retries of it.
create table ticket_request_key (
    dinner_id       uuid        not null,
    subject         text        not null,
    idempotency_key text        not null,
    ticket_id       uuid        not null,
    status          text        not null,
    hold_expires_at timestamptz,
    primary key (dinner_id, subject, idempotency_key)
);
