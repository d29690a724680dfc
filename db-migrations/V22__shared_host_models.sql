-- The shared host catalog: a custom host model without a workspace is seen by every workspace; only admins
-- add (POST /api/v1/host-models?shared=true) or delete such models.
alter table host_models alter column workspace drop not null;
