package org.dcplanner.consolidation.inventory;

/** Who references host models by id (plans do, per host slot): a custom model in use must not be deleted. */
public interface HostModelUsage {
    /** Number of stored plans whose host pool contains the model. */
    long plansUsing(String modelId);
}
