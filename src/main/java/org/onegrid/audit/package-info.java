/**
 * The audit trail (审计): administrative changes and every view of a reporter's unmasked personal
 * data, written once and never changed or removed through the application (the database refuses
 * UPDATE and DELETE on these tables).
 */
@ApplicationModule(allowedDependencies = {"errors"})
package org.onegrid.audit;

import org.springframework.modulith.ApplicationModule;
