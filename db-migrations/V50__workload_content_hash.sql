-- Re-uploads of the same content are recognised: SHA-256 over the upload's bytes, the inventory's bytes
-- and the parameters that change the result (format, vmProfile, stepSeconds, start). Null for workloads
-- stored before this column existed.
alter table workload add column content_sha256 text;
create unique index workload_content_sha256_idx on workload (content_sha256);
