/**
 * The case (事件/诉求/工单): one record per matter, its life cycle from intake to close, its
 * deadlines and its timeline. The aggregate {@code Case} is closed to other modules and guards
 * every transition; nothing else writes a case's state. Other modules come in through
 * {@link org.onegrid.cases.CaseIntake} (recording), {@link org.onegrid.cases.CaseViews} (reading),
 * {@link org.onegrid.cases.CaseTransitions} (every verb), {@link org.onegrid.cases.ResidentDesk}
 * (residents without an account) and {@link org.onegrid.cases.ArbitrationDesk} (ownerless
 * matters), and read cases as {@link org.onegrid.cases.CaseDetails}. The rules are the named
 * policies of this package ({@code TransitionRules}, {@code StepDeadlinePolicy}, ...), listed in
 * {@code docs/architecture-notes.md}.
 */
@ApplicationModule(allowedDependencies = {"platform", "calendar", "catalog", "directory", "grid", "security", "audit", "errors"})
package org.onegrid.cases;

import org.springframework.modulith.ApplicationModule;
