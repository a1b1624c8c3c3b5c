-- The attendee's itinerary, assembled from the other services' integration events. Facts about a shift, dinner or
-- sprint and an attendee's place in it arrive as separate events and are joined when read, in whatever order
-- they came.
create table itinerary_dinner_ticket (
    ticket_id        uuid primary key,
    conference_id    uuid        not null,
    attendee_id      uuid        not null,
    dinner_id        uuid        not null,
    dinner_name      text,
    dinner_starts_at text,
    status           text        not null,
    hold_expires_at  timestamptz
);
create index itinerary_dinner_by_attendee on itinerary_dinner_ticket (attendee_id);

create table itinerary_shift (
    shift_id      uuid primary key,
    conference_id uuid not null,
    title         text not null,
    task          text not null,
    location      text not null,
    starts_at     text not null,
    ends_at       text not null
);

create table itinerary_shift_signup (
    shift_id    uuid not null,
    attendee_id uuid not null,
    attendance  text,
    primary key (attendee_id, shift_id)
);

create table itinerary_sprint (
    sprint_id     uuid primary key,
    conference_id uuid not null,
    project       text not null,
    days          text not null
);

create table itinerary_sprint_participant (
    sprint_id     uuid not null,
    attendee_id   uuid not null,
    days          text not null,
    attended_days text not null default '',
    primary key (attendee_id, sprint_id)
);
