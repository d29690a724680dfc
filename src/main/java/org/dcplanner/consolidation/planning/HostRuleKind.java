package org.dcplanner.consolidation.planning;

/** What a VM-to-host-group rule asks, as in DRS: MUST rules are hard, SHOULD rules are kept where hosts allow. */
public enum HostRuleKind {
    MUST_RUN_ON,
    MUST_NOT_RUN_ON,
    SHOULD_RUN_ON,
    SHOULD_NOT_RUN_ON
}
