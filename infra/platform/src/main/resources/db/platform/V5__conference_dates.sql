-- the conference's dates, so that every service can keep shifts, dinners and sprint days within them;
-- null for conferences replicated before the dates were kept (no date rule applies to those)
alter table known_conference add column starts_on date;
alter table known_conference add column ends_on date;
