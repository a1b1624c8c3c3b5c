create table known_conference (
    conference_id uuid primary key,
    name          text not null,
    time_zone     text
);

create table conference_organizer (
    conference_id uuid not null,
    subject       text not null,
    primary key (conference_id, subject)
);

create table known_attendee (
    attendee_id   uuid primary key,
    conference_id uuid not null,
    subject       text not null,
    name          text not null,
    status        text not null
);
create index known_attendee_by_subject on known_attendee (conference_id, subject);
