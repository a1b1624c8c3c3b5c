create table ticket_type_view (
    ticket_type_id uuid primary key,
    conference_id  uuid    not null,
    name           text    not null,
    price_cents    bigint  not null,
    currency       text    not null,
    quota          integer not null
);

-- Seats sold per quota segment: parallel sales update different rows.
create table quota_segment_view (
    segment_id     uuid primary key,
    ticket_type_id uuid    not null,
    allotment      integer not null,
    sold           integer not null,
    check (sold between 0 and allotment)
);
create index quota_segment_by_type on quota_segment_view (ticket_type_id);

create table registration_view (
    attendee_id    uuid primary key,
    conference_id  uuid        not null,
    ticket_type_id uuid        not null,
    subject        text        not null,
    name           text        not null,
    email          text        not null,
    status         text        not null,
    checked_in     boolean     not null,
    registered_at  timestamptz not null
);
-- One live registration per subject and conference.
create unique index one_live_registration on registration_view (conference_id, subject) where status = 'CONFIRMED';
create index registration_by_conference on registration_view (conference_id, registered_at, attendee_id);
