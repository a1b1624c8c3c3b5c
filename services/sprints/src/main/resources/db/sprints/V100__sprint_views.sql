create table sprint_view (
    sprint_id          uuid primary key,
    conference_id      uuid        not null,
    project            text        not null,
    description        text        not null,
    leader_attendee_id uuid        not null,
    capacity           integer     not null,
    announced_at       timestamptz not null
);
create index sprint_by_conference on sprint_view (conference_id, announced_at, sprint_id);

create table sprint_day_view (
    sprint_id uuid not null references sprint_view on delete cascade,
    day       date not null,
    primary key (sprint_id, day)
);

create table sprint_participant_view (
    sprint_id    uuid        not null references sprint_view on delete cascade,
    attendee_id  uuid        not null,
    signed_up_at timestamptz not null,
    primary key (sprint_id, attendee_id)
);
-- Which sprints an attendee joined, for leaving them all when registration cancels the attendee.
create index sprint_participant_by_attendee on sprint_participant_view (attendee_id);

create table sprint_participant_day_view (
    sprint_id   uuid    not null,
    attendee_id uuid    not null,
    day         date    not null,
    attended    boolean not null,
    primary key (sprint_id, attendee_id, day),
    foreign key (sprint_id, attendee_id) references sprint_participant_view on delete cascade,
    foreign key (sprint_id, day) references sprint_day_view
);
create index sprint_participant_day_by_day on sprint_participant_day_view (sprint_id, day);
