package org.dcplanner.consolidation.planning;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The application context planning ITs on test doubles share (the same as other features' ITs
 * that import {@link PlanningTestDoubles}); its job engine settings are those of every IT
 * ({@code PostgresIntegrationTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(PlanningTestDoubles.class)
@interface PlanningIT {}
