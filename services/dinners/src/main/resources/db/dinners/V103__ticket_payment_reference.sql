-- The payment reference a ticket was confirmed with, for the attendee's copy of their data (personal-data). It names
-- the payer at the payment provider: an erasure overwrites it with the placeholder, as the sealed event then reads.
alter table dinner_ticket add column payment_reference text;
