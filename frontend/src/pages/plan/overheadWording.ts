// How the dashboard words virtualization overhead, which depends on whether the plan added it (sizing.overheadInTrace).
import type { Virtualization } from '../../api/plans';

export interface OverheadWording {
  /** what the host-side demand figures include */
  hostSide: string;
  /** lead of the constant-slowdown figure */
  slowdownLead: string;
  /** caveat above the approach comparison, or null when the comparison is on the plan's own footing */
  comparisonNote: string | null;
}

export function overheadWording(approach: Virtualization | string | undefined, overheadInTrace: boolean | undefined): OverheadWording {
  const name = approach ?? 'the approach';
  if (!overheadInTrace) {
    return {
      hostSide: 'host-side, with virtualization overhead',
      slowdownLead: `Constant ${name} slowdown (virtualization overhead, paid at every step even on an idle host):`,
      comparisonNote: null,
    };
  }
  return {
    hostSide: 'host-side: the demand as measured, its overhead already in the trace',
    slowdownLead: `No ${name} slowdown added (the overhead is already in the trace, so an idle host delivers what was measured):`,
    comparisonNote: 'This plan takes the overhead as already in the trace; the comparison below adds each approach’s own overhead on top '
      + 'of the measured demand, to show what each costs, so its hosts and performance for this plan’s approach differ from the plan’s.',
  };
}
