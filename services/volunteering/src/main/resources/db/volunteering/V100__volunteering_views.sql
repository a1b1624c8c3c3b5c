-- The shift board: one row per shift with its running count of volunteers.
create table shift_view (
    shift_id      uuid primary key,
    conference_id uuid        not null,
    title         text        not null,
    task          text        not null,
    location      text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    utc_offset    text        not null,
    capacity      integer     not null,
    signed_up     integer     not null,
    check (signed_up between 0 and capacity)
);
create index shift_view_by_conference on shift_view (conference_id, starts_at);

-- Who is on which shift and how it went; a volunteer's page and calendar read it by attendee.
create table shift_volunteer_view (
    shift_id      uuid             not null references shift_view,
    attendee_id   uuid             not null,
    conference_id uuid             not null,
    attendance    text,
    hours_worked  double precision not null,
    primary key (shift_id, attendee_id)
);
create index shift_volunteer_by_attendee on shift_volunteer_view (conference_id, attendee_id);

-- The volunteer policy in force per conference; no row means the defaults.
create table volunteer_policy_view (
    conference_id     uuid primary key,
    max_hours_per_day double precision,
    min_rest_minutes  integer,
    no_show_limit     integer not null
);
