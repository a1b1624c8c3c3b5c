-- The SHA-256 of the first request's body under each Idempotency-Key (TicketRequestDigest): the same key with
-- another body is refused, not answered with the first ticket. Rows remembered before this column have none and
-- match any body, as every retry did when they were written; a rebuilt ticket view digests them from the events.
alter table ticket_request_key add column body_sha256 text;
