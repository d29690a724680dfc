-- Search time of all attempts of a plan so far, as of the running attempt's latest cancel poll (about once a
-- second). A revived attempt subtracts it from the time limit, so the time a dead node searched after its
-- last saved best counts too.
alter table plans add column searched_millis bigint not null default 0;
