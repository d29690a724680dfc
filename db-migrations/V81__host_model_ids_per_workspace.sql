-- Custom host model ids are unique per workspace, no longer across all of them: two workspaces may each have a
-- model "r740-lab", and adding one never answers 409 because of another workspace's model. A model of the shared
-- catalog (workspace null, seen by every workspace) keeps an id no workspace's model has; the service checks that
-- under an advisory lock on the id, since no single index spans the two cases.
alter table host_models drop constraint host_models_pkey;
create unique index host_models_workspace_id_key on host_models (workspace, id) where workspace is not null;
create unique index host_models_shared_id_key on host_models (id) where workspace is null;
create index host_models_id_idx on host_models (id);
