-- "Finish now": the user ends a solving plan's search early and keeps its best as the result (COMPLETED),
-- as if the time limit had been reached; a plain stop (cancel) ends CANCELLED.
alter table plans add column finish_requested boolean not null default false;
