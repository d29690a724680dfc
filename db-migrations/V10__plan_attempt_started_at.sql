-- When the running (or last) solve attempt started. started_at keeps the first attempt's start, so a plan revived
-- on another node still says when solving began; the current attempt's elapsed time is measured from this column.
alter table plans add column attempt_started_at timestamp with time zone;
update plans set attempt_started_at = started_at;
