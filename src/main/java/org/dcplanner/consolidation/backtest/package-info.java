/**
 * Backtests and sweeps: plan on a training window (planning's public API), replay the placement on the
 * following test window (simulation's out-of-sample replay), fold after fold, as a resumable job.
 * Sits above planning and simulation; nothing below depends on it.
 */
package org.dcplanner.consolidation.backtest;
