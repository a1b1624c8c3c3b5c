-- The schedule of each erased attendee (ErasedVolunteers). Schedules are named after their person's sub, which the
-- erasure takes from known_attendee; the schedule's id, a hash and not their text, is kept here for them, so that
-- their booked shifts and no-shows still count for whatever is done in their name afterwards.
create table erased_volunteer (
    attendee_id uuid primary key,
    schedule_id uuid not null
);
