package org.dcplanner.consolidation.inventory;

/** Who references host models by id (plans do, per host slot): a custom model in use must not be deleted. */
public interface HostModelUsage {
    /** Number of stored plans of {@code workspace} (null: of every workspace) whose host pool contains the model. */
    long plansUsing(String modelId, String workspace);
}
